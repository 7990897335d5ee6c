import { promisify } from 'node:util';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { HttpProblem, parseInput, userIdSchema } from '@eks-sre-lab/kit';

const loginSchema = z.strictObject({ userId: userIdSchema });

function sessionOf(req: Request) {
  if (!req.session) throw new HttpProblem(503, 'the session store is unavailable', { retryAfterSeconds: 5 });
  return req.session;
}

/** Demo login: the user id alone, kept in a Redis-backed session (no passwords in this lab). */
export function sessionRoutes(cookieName: string): Router {
  const router = Router();

  router.post('/session', async (req, res) => {
    const { userId } = parseInput(loginSchema, req.body, 'body');
    const current = sessionOf(req);
    // A fresh session id on login (session fixation).
    await promisify(current.regenerate.bind(current))();
    req.session.userId = userId;
    await promisify(req.session.save.bind(req.session))();
    res.status(201).json({ authenticated: true, userId });
  });

  router.get('/session', (req, res) => {
    const userId = req.session?.userId;
    res.json(userId ? { authenticated: true, userId } : { authenticated: false });
  });

  router.delete('/session', async (req, res) => {
    const current = sessionOf(req);
    await promisify(current.destroy.bind(current))();
    res.clearCookie(cookieName, { path: '/' });
    res.status(204).end();
  });

  return router;
}
