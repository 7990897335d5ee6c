import express, { type Express } from 'express';
import { problemErrorHandler, notFoundHandler } from '../errors/handlers';
import { parseInput } from '../errors/parse-input';
import type { Logger } from 'pino';
import { requestIdHeader, resolveRequestId } from '../logging/request-id';
import { faultSettingsSchema, noFaults } from './fault-settings';
import type { FaultState } from './fault-state';

/**
 * Fault admin API (`GET/PUT/DELETE /faults`), served on ADMIN_PORT only when FAULT_ADMIN_ENABLED=true.
 * The port is never exposed by a Kubernetes Service: learners reach it with `kubectl port-forward`.
 */
export function createFaultAdminApp(faults: FaultState, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, _res, next) => {
    req.requestId = resolveRequestId(req.headers[requestIdHeader]);
    req.log = logger;
    next();
  });
  app.use(express.json({ limit: '16kb' }));
  app.get('/faults', (_req, res) => {
    res.json(faults.settings);
  });
  app.put('/faults', (req, res) => {
    const settings = parseInput(faultSettingsSchema, req.body ?? {}, 'body');
    faults.set(settings);
    logger.warn({ faults: settings }, 'fault settings changed through the admin API');
    res.json(settings);
  });
  app.delete('/faults', (_req, res) => {
    faults.set(noFaults);
    logger.warn('fault settings cleared through the admin API');
    res.status(204).end();
  });
  app.use(notFoundHandler);
  app.use(problemErrorHandler());
  return app;
}
