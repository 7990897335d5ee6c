import { parseInput } from '@eks-sre-lab/kit';
import { Router, type Response } from 'express';
import { idParamsSchema, listQuerySchema, productInputSchema, quantitySchema } from './schemas';
import type { ProductService } from './service';

/**
 * Sends JSON text with the headers `res.json` would set for the value it came from. Not `res.send`: it
 * parses and rebuilds the content type and copies the text into a Buffer to measure it, per request (the
 * kit keeps ETags off, so its freshness check never applies; Node drops the body of a HEAD by itself).
 */
function sendJson(res: Response, json: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/** `/products` routes; every input is parsed by a strict zod schema before it reaches the service. */
export function productRoutes(products: ProductService): Router {
  const router = Router();

  router.get('/products', async (req, res) => {
    sendJson(res, await products.listJson(parseInput(listQuerySchema, req.query, 'query')));
  });

  router.get('/products/:id', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    sendJson(res, await products.getJson(id));
  });

  router.post('/products', async (req, res) => {
    const created = await products.create(parseInput(productInputSchema, req.body, 'body'));
    res.status(201).location(`${req.baseUrl}/products/${created.id}`).json(created);
  });

  router.put('/products/:id', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await products.replace(id, parseInput(productInputSchema, req.body, 'body')));
  });

  router.delete('/products/:id', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    await products.delete(id);
    res.status(204).end();
  });

  router.post('/products/:id/reserve', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { quantity } = parseInput(quantitySchema, req.body, 'body');
    res.json(await products.reserve(id, quantity));
  });

  router.post('/products/:id/release', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { quantity } = parseInput(quantitySchema, req.body, 'body');
    res.json(await products.release(id, quantity));
  });

  return router;
}
