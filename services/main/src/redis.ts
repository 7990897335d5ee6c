import { once } from 'node:events';
import { Redis } from 'ioredis';

/**
 * The gateway's command connection (sessions, order idempotency), failing fast like catalog's and order's:
 * no offline queue and nothing resent after a reconnect. A command queued while Redis is away would still
 * run when it comes back, after its request had answered 503: an idempotency key's `SET NX` then left the
 * key "pending" with nobody to finish it, and the client's retries got 409 until the pending TTL ran out
 * (chaos:local measured 22 s of 409s after a 20 s Redis outage). One case remains, bounded by the pending
 * TTL: a command Redis did run whose reply was lost with the connection.
 */
export function createCommandRedis(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    connectionName: 'main',
  });
}

/**
 * Resolves true once the connection is ready, false after `timeoutMs`. Without an offline queue a command
 * sent before the first connect fails, so the gateway waits for it (bounded) before taking traffic; if
 * Redis stays away it starts anyway, degraded: product reads need no Redis.
 */
export async function redisConnected(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  try {
    await once(redis, 'ready', { signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
