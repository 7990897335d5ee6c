import { CreateOrderTables1767225600000 } from './1767225600000-create-order-tables';
import { CreateIdempotencyAndOutbox1767225600001 } from './1767225600001-create-idempotency-and-outbox';

/** Listed explicitly (no globs): the same list works from `src/` under Jest and from `dist/` in production. */
export const migrations = [CreateOrderTables1767225600000, CreateIdempotencyAndOutbox1767225600001];
