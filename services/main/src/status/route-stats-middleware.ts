import type { RequestHandler } from 'express';
import type { RollingStats } from './rolling-stats';

/** Records every finished /api request under its route template (e.g. `GET /api/products/:id`). */
export function routeStatsMiddleware(stats: RollingStats): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.once('finish', () => {
      const template = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stats.record(`${req.method} ${template}`, res.statusCode, performance.now() - start);
    });
    next();
  };
}
