import type { ReadinessCheck } from './readiness';

/** What the check needs of an ioredis client (the kit does not depend on ioredis). */
export interface PingableRedis {
  readonly status: string;
  ping(): Promise<unknown>;
}

/**
 * Readiness of a Redis connection. Fails fast while disconnected: a PING queued behind the reconnect backoff
 * would slow `/readyz` past the probes' timeout and take the pod out of rotation for a dependency that is
 * usually registered as non-critical.
 */
export function redisReadinessCheck(redis: PingableRedis): ReadinessCheck {
  return async () => {
    if (redis.status !== 'ready') throw new Error(`redis connection ${redis.status}`);
    await redis.ping();
  };
}
