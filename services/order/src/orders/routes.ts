import { HttpProblem, idempotencyKeySchema, parseInput, problem } from '@eks-sre-lab/kit';
import { Router, type Request } from 'express';
import { IdempotencyKeyReused, OrderNotFound, TransitionRefused } from './errors';
import {
  createOrderSchema,
  listQuerySchema,
  orderIdParamsSchema,
  statusChangeSchema,
  userParamsSchema,
} from './schemas';
import type { OrderService } from './service';

function idempotencyKey(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  return parseInput(idempotencyKeySchema, header, 'headers.idempotency-key');
}

/** Domain errors → problem+json. */
function toProblem(error: unknown): unknown {
  if (error instanceof OrderNotFound) return problem.notFound(error.message);
  if (error instanceof TransitionRefused) {
    return problem.conflict(error.message, { from: error.from, to: error.to, allowed: error.allowed });
  }
  if (error instanceof IdempotencyKeyReused) return new HttpProblem(409, error.message);
  return error;
}

async function mapErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toProblem(error);
  }
}

/** The routes the gateway calls: POST /orders, GET /orders/:id, PUT /orders/:id/status, GET /orders/user/:userId. */
export function orderRoutes(orders: OrderService): Router {
  const router = Router();

  router.post('/orders', async (req, res) => {
    const key = idempotencyKey(req);
    const input = parseInput(createOrderSchema, req.body, 'body');
    const created = await mapErrors(orders.create(input, key));
    res.location(`/orders/${created.order.id}`);
    if (created.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(created.replayed ? 200 : 201).json(created.order);
  });

  router.get('/orders/user/:userId', async (req, res) => {
    const { userId } = parseInput(userParamsSchema, req.params, 'params');
    const { limit, offset } = parseInput(listQuerySchema, req.query, 'query');
    const page = await orders.listByUser(userId, limit, offset);
    res.json({ ...page, limit, offset });
  });

  router.get('/orders/:id', async (req, res) => {
    const { id } = parseInput(orderIdParamsSchema, req.params, 'params');
    const order = await orders.get(id);
    if (!order) throw problem.notFound(`order ${id} does not exist`);
    res.json(order);
  });

  router.put('/orders/:id/status', async (req, res) => {
    const { id } = parseInput(orderIdParamsSchema, req.params, 'params');
    const { status } = parseInput(statusChangeSchema, req.body, 'body');
    const order = await mapErrors(orders.changeStatus(id, status));
    res.json(order);
  });

  return router;
}
