import { Redis } from 'ioredis';
import { logConnectionState, type Logger } from '@eks-sre-lab/kit';

export interface RedisClientOptions {
  url: string;
  commandTimeoutMs: number;
  logger: Logger;
}

/**
 * A Redis client that fails fast instead of queueing: with Redis down, commands reject at once (no
 * offline queue, one retry per request at most) and a hung server costs at most `commandTimeoutMs`, so
 * reads fall through to PostgreSQL. Reconnection keeps going in the background.
 */
export function createRedisClient({ url, commandTimeoutMs, logger }: RedisClientOptions): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: true,
    // Commands issued in the same event-loop tick (concurrent requests' cache reads) go out in one write
    // and come back in one read: fewer syscalls per request under load, no change for a lone request.
    enableAutoPipelining: true,
  });
  logConnectionState(redis, logger, {
    lost: 'redis unavailable: cache degraded, reads go to PostgreSQL',
    restored: 'redis ready again: cache restored',
  });
  return redis;
}

/** Connects, but gives up after `timeoutMs` without failing: the service starts degraded instead. */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const connected = redis.connect().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([connected, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
