import { IdempotencyKey } from './idempotency-key.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { OutboxEvent } from './outbox-event.entity';

export { IdempotencyKey, Order, OrderItem, OutboxEvent };
export const entities = [Order, OrderItem, IdempotencyKey, OutboxEvent];
