import type { Express } from 'express';
import { kitEndpoints } from '../contract';
import { HttpProblem } from '../errors/http-problem';
import { sendProblem } from '../errors/send-problem';
import type { Readiness } from './readiness';

export interface HealthRoutesOptions {
  readiness: Readiness;
  timeoutMs: number;
  /** True once shutdown started. */
  isDraining(): boolean;
  /** Why readiness is forced to fail (fault injection), or undefined. */
  forcedFailure(): string | undefined;
}

/** `/healthz` (liveness: the event loop answers) and `/readyz` (readiness: dependencies answer). */
export function installHealthRoutes(app: Express, options: HealthRoutesOptions): void {
  app.get(kitEndpoints.healthz, (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get(kitEndpoints.readyz, async (req, res) => {
    if (options.isDraining()) {
      sendProblem(
        req,
        res,
        new HttpProblem(503, 'draining: shutdown in progress', { extensions: { checks: {} } }),
      );
      return;
    }
    const forced = options.forcedFailure();
    if (forced) {
      sendProblem(req, res, new HttpProblem(503, `not ready: ${forced}`, { extensions: { checks: {} } }));
      return;
    }
    const report = await options.readiness.evaluate(options.timeoutMs);
    if (report.ready) {
      res.json({ status: 'ready', checks: report.checks });
      return;
    }
    const failing = Object.entries(report.checks)
      .filter(([, check]) => check.status === 'down' || check.status === 'timeout')
      .map(([name, check]) => `${name} ${check.status}`);
    const detail = `not ready: ${failing.join(', ')}`;
    sendProblem(req, res, new HttpProblem(503, detail, { extensions: { checks: report.checks } }));
  });
}
