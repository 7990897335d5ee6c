import { baseConfigSchema } from '@eks-sre-lab/kit';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** Catalog environment: the kit's base variables plus the data stores and cache settings. */
export const catalogConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: z.url(),
  REDIS_URL: z.url(),
  /** Pool size per replica; replicas × DB_POOL_MAX must stay under the server's max_connections. */
  DB_POOL_MAX: positiveInt.min(2).max(100).default(10), // 2+: migrations hold one for their lock
  DB_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
  /** Server-side bound on any statement, so a stuck query cannot hold a pooled connection forever. */
  DB_STATEMENT_TIMEOUT_MS: positiveInt.default(5_000),
  CACHE_TTL_SECONDS: positiveInt.max(86_400).default(60),
  /** Redis commands fail after this long, so reads fall through to PostgreSQL quickly. */
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.max(10_000).default(500),
  REDIS_KEY_PREFIX: z.string().min(1).max(50).default('catalog:'),
  MIGRATE_ON_START: z.stringbool().default(false),
});

export type CatalogConfig = z.output<typeof catalogConfigSchema>;
