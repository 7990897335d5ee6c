import session from 'express-session';
import type { Redis } from 'ioredis';
import type { RequestHandler } from 'express';
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
  // Store failures arrive as 503 problems (RedisSessionStore); anything else express-session raises is
  // passed on as it is.
  return (req, res, next) => {
    let passed = false;
    middleware(req, res, (error?: unknown) => {
      if (passed) {
        // express-session saves a modified session when the response ends and hands a failed save to
        // `next` again, after the answer went out: Express would then destroy the keep-alive socket and
        // the client's next request on it would fail with ECONNRESET (a login during a Redis outage did).
        req.log.warn({ err: error }, 'session: saving at the end of the response failed');
        return;
      }
      passed = true;
      next(error);
    });
  };
}
