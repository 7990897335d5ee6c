import { context } from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { kitEndpoints } from '../contract';
import { requestIdHeader, resolveRequestId } from '../logging/request-id';
import type { HttpMetrics } from '../metrics/http-metrics';
import { routeLabel } from '../metrics/route-label';
import type { DrainTracker } from '../shutdown/drain';
import { resolveRequestTrace } from '../tracing/request-trace';

const quietRoutes = new Set<string>(Object.values(kitEndpoints));

export interface LifecycleDeps {
  logger: Logger;
  metrics: HttpMetrics;
  drain: DrainTracker;
}

function logCompletion(logger: Logger, req: Request, res: Response, route: string, ms: number): void {
  if (quietRoutes.has(route)) return; // probes and scrapes would drown the access log
  const line = {
    requestId: req.requestId,
    traceId: req.traceId,
    method: req.method,
    url: req.originalUrl,
    route,
    statusCode: res.statusCode,
    durationMs: Math.round(ms * 100) / 100,
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  if (res.statusCode >= 500) logger.error(line, 'request completed');
  else if (res.statusCode >= 400) logger.warn(line, 'request completed');
  else logger.info(line, 'request completed');
}

/**
 * First middleware of every request: request id, trace ids, drain tracking, then metrics and one access
 * log line when the response closes. Hand-rolled instead of pino-http: pino-http builds a child logger and
 * serializes the full request and response objects per request; here the access line is a flat object on
 * the root logger, and `req.log` (a child with the ids) is only built when a handler uses it.
 */
export function requestLifecycle({ logger, metrics, drain }: LifecycleDeps): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const requestId = resolveRequestId(req.headers[requestIdHeader]);
    req.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const trace = resolveRequestTrace(req.headers.traceparent);
    req.traceId = trace.traceId;
    req.spanId = trace.spanId;
    req.traceFlags = trace.traceFlags;
    drain.begin(res);
    res.on('close', () => {
      drain.end(res);
      const ms = performance.now() - started;
      const route = routeLabel(req);
      metrics.observe(req.method, route, res.statusCode, ms / 1000);
      logCompletion(logger, req, res, route, ms);
    });
    // Only when spans are exported (an AsyncLocalStorage context manager is registered).
    if (trace.context) context.with(trace.context, next);
    else next();
  };
}
