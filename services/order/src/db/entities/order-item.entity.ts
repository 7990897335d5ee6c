import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Order } from './order.entity';

/** `order_items`, exactly the seed's SQL (order_id is nullable there, as `REFERENCES orders(id)` alone). */
@Entity({ name: 'order_items' })
export class OrderItem {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'order_items_pkey' })
  id!: number;

  @Index('order_items_order_id_idx')
  @Column({ name: 'order_id', type: 'integer', nullable: true })
  orderId!: number | null;

  // String target: the two entity files import each other only as types.
  @ManyToOne('Order', (order: Order) => order.items, { nullable: true })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_items_order_id_fkey' })
  order?: Order;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'unit_price', type: 'decimal', precision: 10, scale: 2 })
  unitPrice!: string;

  @Column({ name: 'total_price', type: 'decimal', precision: 10, scale: 2 })
  totalPrice!: string;
}
