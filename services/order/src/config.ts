import { baseConfigSchema } from '@eks-sre-lab/kit';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

export const configSchema = baseConfigSchema.extend({
  DATABASE_URL: z.url(),
  REDIS_URL: z.url(),
  /** Apply pending migrations at boot (under an advisory lock); otherwise run `npm run migrate`. */
  MIGRATE_ON_START: z.stringbool().default(false),
  DB_POOL_MAX: positiveInt.max(200).default(10),
  IDEMPOTENCY_TTL_HOURS: positiveInt.max(24 * 30).default(24),
  /** How often expired idempotency keys and old sent outbox rows are deleted. */
  CLEANUP_INTERVAL_MS: positiveInt.default(10 * 60_000),
  OUTBOX_RETENTION_HOURS: positiveInt.default(24 * 7),
  OUTBOX_POLL_MS: positiveInt.max(60_000).default(250),
  OUTBOX_BATCH_SIZE: positiveInt.max(1000).default(100),
  OUTBOX_BACKOFF_BASE_MS: positiveInt.default(200),
  OUTBOX_BACKOFF_MAX_MS: positiveInt.default(10_000),
  /** Bound on one Redis PUBLISH, so a hung connection fails the batch instead of stalling it. */
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.default(2_000),
});

export type OrderConfig = z.output<typeof configSchema>;
