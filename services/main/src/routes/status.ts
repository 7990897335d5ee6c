import { Router } from 'express';
import type { Downstream } from '../downstream/downstream';
import type { OrderEventsHub } from '../events/order-events-hub';
import type { HealthChecker } from '../status/health-checker';
import type { RollingStats } from '../status/rolling-stats';

export interface StatusSources {
  downstreams: Downstream[];
  health: HealthChecker;
  stats: RollingStats;
  events: OrderEventsHub;
  windowSeconds: number;
}

const HEALTH_MAX_AGE_MS = 5_000;

/** Health (live probes) and the dashboard's status (breakers, cached health, rolling route stats). */
export function statusRoutes(sources: StatusSources): Router {
  const router = Router();
  const startedAt = Date.now();

  router.get('/health', async (_req, res) => {
    const report = await sources.health.check();
    res.status(report.status === 'ok' ? 200 : 503).json({
      status: report.status,
      service: { name: 'main', status: 'up', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
      dependencies: report.checks,
      checkedAt: report.checkedAt,
    });
  });

  router.get('/status', async (_req, res) => {
    const health = await sources.health.cached(HEALTH_MAX_AGE_MS);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      service: 'main',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      breakers: Object.fromEntries(sources.downstreams.map((d) => [d.name, d.snapshot()])),
      health,
      windowSeconds: sources.windowSeconds,
      routes: sources.stats.summary(),
      eventClients: sources.events.clientCount,
      at: new Date().toISOString(),
    });
  });

  router.get('/events', async (req, res) => {
    await sources.events.connect(req, res);
  });

  return router;
}
