import { z } from 'zod';
import { baseConfigSchema } from '@eks-sre-lab/kit';

const MIB = 1024 * 1024;
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    );

export const configSchema = baseConfigSchema
  .extend({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    CATALOG_URL: z.url(),
    ORDER_URL: z.url(),
    REDIS_URL: z.url(),

    // Sessions: the secret signs the session cookie; only development may fall back to a fixed one.
    SESSION_SECRET: z.string().min(16).optional(),
    SESSION_TTL_SECONDS: int(86_400, 60),
    SESSION_COOKIE_SECURE: z.stringbool().default(false),

    // Uploads: credentials come from the default chain (IRSA in the cluster), never from this config.
    S3_BUCKET: z.string().min(3),
    S3_ENDPOINT: z.url().optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    AWS_REGION: z.string().min(1).default('ap-northeast-2'),
    // WHEN_REQUIRED for local S3-compatible servers that do not understand the SDK's default checksums.
    S3_CHECKSUM: z.enum(['WHEN_SUPPORTED', 'WHEN_REQUIRED']).default('WHEN_SUPPORTED'),
    UPLOAD_MAX_BYTES: int(10 * MIB, 1),
    UPLOAD_ALLOWED_TYPES: csv('image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain'),

    // Circuit breakers (seed: 5 consecutive failures, 10 s timeout, 30 s reset), one per downstream.
    BREAKER_FAILURE_THRESHOLD: int(5, 1),
    BREAKER_TIMEOUT_MS: int(10_000, 1),
    BREAKER_RESET_MS: int(30_000, 1),
    // Retries for idempotent GETs only: exponential backoff with full jitter, bounded.
    RETRY_MAX_RETRIES: int(2, 0),
    RETRY_BASE_DELAY_MS: int(50, 1),
    RETRY_MAX_DELAY_MS: int(1_000, 1),
    DOWNSTREAM_CONNECTIONS: int(64, 1),
    DOWNSTREAM_KEEPALIVE_MS: int(30_000, 1_000),
    HEALTH_TIMEOUT_MS: int(2_000, 1),

    ORDER_IDEMPOTENCY_TTL_SECONDS: int(86_400, 60),
    ORDER_PENDING_TTL_SECONDS: int(60, 5),
    STATUS_WINDOW_SECONDS: int(60, 5),
    SSE_HEARTBEAT_MS: int(15_000, 100),
    ORDER_EVENTS_CHANNEL: z.string().min(1).default('orders.status'),
  })
  .superRefine((config, ctx) => {
    if (!config.SESSION_SECRET && config.NODE_ENV !== 'development' && config.NODE_ENV !== 'test') {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'required outside development (at least 16 characters)',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Development-only fallback; production refuses to start without SESSION_SECRET (see the schema). */
export function sessionSecret(config: Config): string {
  return config.SESSION_SECRET ?? 'development-only-session-secret';
}
