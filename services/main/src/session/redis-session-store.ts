import session, { type SessionData } from 'express-session';
import type { Redis } from 'ioredis';

type Callback = (error?: unknown) => void;

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
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    this.redis
      .set(this.prefix + sid, JSON.stringify(data), 'EX', this.ttl(data))
      .then(() => callback?.(), callback);
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    this.redis.expire(this.prefix + sid, this.ttl(data)).then(() => callback?.(), callback);
  }

  override destroy(sid: string, callback?: Callback): void {
    this.redis.del(this.prefix + sid).then(() => callback?.(), callback);
  }

  private ttl(data: SessionData): number {
    const expires = data.cookie?.expires;
    if (!expires) return this.ttlSeconds;
    return Math.max(1, Math.ceil((new Date(expires).getTime() - Date.now()) / 1000));
  }
}
