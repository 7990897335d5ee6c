import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { HttpProblem, idempotencyKeySchema, parseInput, serialIdParam, traceHeaders } from '@eks-sre-lab/kit';
import type { Downstream } from '../downstream/downstream';
import { downstreamProblem, proxyGet, relay } from '../downstream/respond';
import { OrderPlacement, RelayedAnswer, StepFailure } from '../orders/place-order';
import { createOrderSchema, orderListQuerySchema, type CreateOrderBody } from '../orders/schemas';

/** The session's user wins; a body/query userId may only name that same user. */
function resolveUserId(req: Request, given: string | undefined): string {
  const sessionUser = req.session?.userId;
  if (sessionUser) {
    if (given && given !== sessionUser) throw new HttpProblem(403, 'userId differs from the logged-in user');
    return sessionUser;
  }
  if (!given) throw new HttpProblem(400, 'userId is required when not logged in');
  return given;
}

function idempotencyKey(req: Request): string {
  const header = req.get('idempotency-key');
  return header === undefined ? randomUUID() : parseInput(idempotencyKeySchema, header, 'header');
}

export function orderRoutes(orders: Downstream, placement: OrderPlacement): Router {
  const router = Router();

  router.post('/orders', async (req: Request, res: Response) => {
    const body: CreateOrderBody = parseInput(createOrderSchema, req.body, 'body');
    const key = idempotencyKey(req);
    const userId = resolveUserId(req, body.userId);
    try {
      const scope = { log: req.log, traceHeaders: traceHeaders(req) };
      const placed = await placement.place({ ...body, userId }, key, scope);
      res.setHeader('Idempotency-Key', key);
      if (placed.replayed) res.setHeader('Idempotent-Replayed', 'true');
      relay(res, placed.response);
    } catch (error) {
      if (error instanceof RelayedAnswer) return relay(res, error.response);
      if (error instanceof StepFailure) throw downstreamProblem(error.downstream, error.cause);
      throw error;
    }
  });

  router.get('/orders/:id', async (req, res) => {
    const id = parseInput(serialIdParam, req.params.id, 'params.id');
    await proxyGet(req, res, orders, `/orders/${id}`);
  });

  router.get('/orders', async (req, res) => {
    const query = parseInput(orderListQuerySchema, req.query, 'query');
    const userId = resolveUserId(req, query.userId);
    const search = new URLSearchParams();
    if (query.limit !== undefined) search.set('limit', String(query.limit));
    if (query.offset !== undefined) search.set('offset', String(query.offset));
    const suffix = search.size > 0 ? `?${search.toString()}` : '';
    await proxyGet(req, res, orders, `/orders/user/${encodeURIComponent(userId)}${suffix}`);
  });

  return router;
}
