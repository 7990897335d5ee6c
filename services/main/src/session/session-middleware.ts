import session from 'express-session';
import type { Redis } from 'ioredis';
import type { RequestHandler } from 'express';
import { sessionSecret, type Config } from '../config.js';
import { RedisSessionStore } from './redis-session-store.js';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

/** Redis-backed sessions; mounted only on the routes that read them, never on the catalog proxy path. */
export function sessionMiddleware(config: Config, redis: Redis): RequestHandler {
  return session({
    name: 'sid',
    secret: sessionSecret(config),
    store: new RedisSessionStore(redis, config.SESSION_TTL_SECONDS),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.SESSION_COOKIE_SECURE,
      maxAge: config.SESSION_TTL_SECONDS * 1000,
    },
  });
}
