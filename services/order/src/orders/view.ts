import type { Order } from '../db/entities/order.entity';
import type { OrderItem } from '../db/entities/order-item.entity';

/** The JSON shape of an order: money as exact strings ("59.97"), times as ISO 8601 UTC. */
export interface OrderView {
  id: number;
  userId: string;
  status: string;
  totalAmount: string;
  shippingAddress: string | null;
  createdAt: string;
  updatedAt: string;
  items: OrderItemView[];
}

export interface OrderItemView {
  id: number;
  productId: number;
  quantity: number;
  unitPrice: string;
  totalPrice: string;
}

export function toOrderView(order: Order, items: readonly OrderItem[]): OrderView {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status ?? 'pending',
    totalAmount: order.totalAmount,
    shippingAddress: order.shippingAddress,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    items: items.map((item) => ({
      id: item.id,
      productId: item.productId,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      totalPrice: item.totalPrice,
    })),
  };
}
