import type { RequestHandler } from 'express';
import { routeLabel } from '@eks-sre-lab/kit';
import type { RollingStats } from './rolling-stats';

/**
 * Records every finished /api request under its route template (e.g. `GET /api/products/:id`). The kit
 * captures the template when Express matches the route: reading `req.baseUrl` at `finish` would lose the
 * `/api` prefix on error paths, where Express has already reset it.
 */
export function routeStatsMiddleware(stats: RollingStats): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.once('finish', () => {
      stats.record(`${req.method} ${routeLabel(req)}`, res.statusCode, performance.now() - start);
    });
    next();
  };
}
