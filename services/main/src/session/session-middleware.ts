import session from 'express-session';
import type { Redis } from 'ioredis';
import type { RequestHandler } from 'express';
import { HttpProblem } from '@eks-sre-lab/kit';
import { sessionSecret, type Config } from '../config';
import { RedisSessionStore } from './redis-session-store';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

/** Redis-backed sessions; mounted only on the routes that read them, never on the catalog proxy path. */
export const SESSION_COOKIE = 'sid';

export function sessionMiddleware(config: Config, redis: Redis): RequestHandler {
  const middleware = session({
    name: SESSION_COOKIE,
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
  // A store failure (Redis down) is a 503, not the 500 express-session would raise.
  return (req, res, next) =>
    middleware(req, res, (error?: unknown) =>
      error ? next(new HttpProblem(503, 'the session store (Redis) does not answer')) : next(),
    );
}
