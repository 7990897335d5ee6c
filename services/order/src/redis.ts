import { Redis } from 'ioredis';

/**
 * The outbox's publisher connection. No offline queue and one try per command: while Redis is away a
 * PUBLISH fails at once (the row stays unsent and the relay backs off) instead of piling up in memory.
 * ioredis keeps reconnecting in the background with its own capped backoff.
 */
export function createPublisherRedis(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    connectionName: 'order-outbox',
  });
}
