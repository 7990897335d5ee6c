import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorMapper } from './database-outage';
import { HttpProblem } from './http-problem';
import { sendProblem } from './send-problem';
import { toProblem } from './to-problem';

/** Last route: nothing matched. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(req, res, new HttpProblem(404, `no route for ${req.method} ${req.path}`));
};

function mapError(err: unknown, mappers: readonly ErrorMapper[]): HttpProblem | undefined {
  const known = toProblem(err);
  if (known) return known;
  for (const mapper of mappers) {
    const mapped = mapper(err);
    if (mapped) return mapped;
  }
  return undefined;
}

/**
 * Last middleware: every error becomes problem+json; `mappers` (tried after the kit's own mapping) turn
 * service-specific errors into problems, e.g. a lost database connection into a 503. Errors nothing maps
 * are unexpected: logged with their stack, answered 500.
 */
export function problemErrorHandler(mappers: readonly ErrorMapper[] = []): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late for a problem body: let Express abort the connection.
      next(err);
      return;
    }
    let problem = mapError(err, mappers);
    if (!problem) {
      req.log.error({ err }, 'unhandled error');
      problem = new HttpProblem(500, 'internal error');
    } else if (problem.status >= 500) {
      req.log.warn({ err: { message: problem.detail, status: problem.status } }, 'request failed');
    }
    sendProblem(req, res, problem);
  };
}
