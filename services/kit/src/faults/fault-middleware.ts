import type { RequestHandler } from 'express';
import { HttpProblem } from '../errors/http-problem';
import { sendProblem } from '../errors/send-problem';
import { setRouteLabel } from '../metrics/route-label';
import type { FaultState } from './fault-state';

/** Injects the configured latency, then the configured error share, on requests matching the patterns. */
export function faultMiddleware(faults: FaultState): RequestHandler {
  return (req, res, next) => {
    if (!faults.requestFaultsActive) {
      next();
      return;
    }
    const route = faults.match(req.path);
    if (route === undefined) {
      next();
      return;
    }
    const { latencyMs, errorRate, errorStatus } = faults.settings;
    const maybeFail = () => {
      if (errorRate > 0 && Math.random() < errorRate) {
        faults.count('error', route);
        req.log.warn({ fault: 'error', route, status: errorStatus }, 'fault injected: error');
        setRouteLabel(req, route);
        sendProblem(req, res, new HttpProblem(errorStatus, 'injected fault'));
        return;
      }
      next();
    };
    if (latencyMs > 0) {
      faults.count('latency', route);
      req.log.warn({ fault: 'latency', route, latencyMs }, 'fault injected: latency');
      setTimeout(maybeFail, latencyMs);
      return;
    }
    maybeFail();
  };
}
