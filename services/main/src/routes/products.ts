import { Router } from 'express';
import type { Downstream } from '../downstream/downstream';
import { proxyGet } from '../downstream/respond';

const LIST_QUERY_KEYS = ['limit', 'offset', 'category', 'q', 'sort'] as const;

/** Catalog reads, relayed as they come (4xx included) through the catalog breaker. */
export function productRoutes(catalog: Downstream): Router {
  const router = Router();

  router.get('/products', async (req, res) => {
    const query = new URLSearchParams();
    for (const key of LIST_QUERY_KEYS) {
      const value = req.query[key];
      if (typeof value === 'string') query.set(key, value);
    }
    const search = query.size > 0 ? `?${query.toString()}` : '';
    await proxyGet(req, res, catalog, `/catalog/products${search}`);
  });

  router.get('/products/:id', async (req, res) => {
    await proxyGet(req, res, catalog, `/catalog/products/${encodeURIComponent(req.params.id)}`);
  });

  router.get('/categories', async (req, res) => {
    await proxyGet(req, res, catalog, '/catalog/categories');
  });

  return router;
}
