import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { Category } from '../db/entities';
import { buildCategoryTree } from './tree';

/** `GET /categories`: the whole tree (a few dozen rows, read in one query and nested in memory). */
export function categoryRoutes(dataSource: DataSource): Router {
  const router = Router();
  const categories = dataSource.getRepository(Category);
  router.get('/categories', async (_req, res) => {
    const rows = await categories.find({ order: { name: 'ASC', id: 'ASC' } });
    res.json(buildCategoryTree(rows));
  });
  return router;
}
