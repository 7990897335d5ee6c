import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus } from '../../orders/state-machine';
import { OrderItem } from './order-item.entity';

/**
 * `orders`, exactly the seed's SQL. Timestamps are `TIMESTAMP` (no time zone) as in the seed; the service
 * only ever writes them with CURRENT_TIMESTAMP in a UTC session and reads them back as UTC.
 */
@Entity({ name: 'orders' })
// The listing index (user_id, created_at DESC, id DESC) lives in the migration; TypeORM cannot express DESC.
@Index('orders_user_id_created_at_idx', { synchronize: false })
export class Order {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'orders_pkey' })
  id!: number;

  @Column({ name: 'user_id', type: 'varchar', length: 100 })
  userId!: string;

  /** DECIMAL(10,2) comes back from pg as an exact string ("59.97"). */
  @Column({ name: 'total_amount', type: 'decimal', precision: 10, scale: 2 })
  totalAmount!: string;

  @Column({ type: 'varchar', length: 50, nullable: true, default: 'pending' })
  status!: OrderStatus | null;

  @Column({ name: 'shipping_address', type: 'text', nullable: true })
  shippingAddress!: string | null;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;

  @OneToMany(() => OrderItem, (item) => item.order)
  items?: OrderItem[];
}
