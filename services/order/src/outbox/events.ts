import type { OrderStatus } from '../orders/state-machine';

export const ORDER_STATUS_CHANNEL = 'orders.status';

/** Published on `orders.status` for the creation (from: null) and every status change. */
export interface OrderStatusEvent {
  /** UUID; at-least-once delivery, so subscribers dedupe on it. */
  eventId: string;
  orderId: number;
  userId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  /** ISO 8601 UTC: the order's updated_at for the change. */
  at: string;
}
