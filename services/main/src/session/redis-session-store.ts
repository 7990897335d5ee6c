import session, { type SessionData } from 'express-session';
import type { Redis } from 'ioredis';
import { HttpProblem } from '@eks-sre-lab/kit';

type Callback = (error?: unknown) => void;

/** A Redis failure is the session store being out (503 + Retry-After), whichever route hit it. */
function storeDown(error: unknown): HttpProblem {
  return new HttpProblem(503, 'the session store (Redis) does not answer', {
    retryAfterSeconds: 5,
    cause: error,
  });
}

/**
 * express-session store on ioredis (connect-redis ≥ 8 targets node-redis and Node 22, so this small
 * store keeps the service on the one Redis client it already uses). Sessions expire with their cookie.
 */
export class RedisSessionStore extends session.Store {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly prefix = 'main:sess:',
  ) {
    super();
  }

  override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    this.redis.get(this.prefix + sid).then(
      (raw) => callback(null, raw ? (JSON.parse(raw) as SessionData) : null),
      (error: unknown) => callback(storeDown(error)),
    );
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    this.redis.set(this.prefix + sid, JSON.stringify(data), 'EX', this.ttl(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(storeDown(error)),
    );
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    this.redis.expire(this.prefix + sid, this.ttl(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(storeDown(error)),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.redis.del(this.prefix + sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(storeDown(error)),
    );
  }

  private ttl(data: SessionData): number {
    const expires = data.cookie?.expires;
    if (!expires) return this.ttlSeconds;
    return Math.max(1, Math.ceil((new Date(expires).getTime() - Date.now()) / 1000));
  }
}
