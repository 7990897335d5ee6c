import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpProblem } from './http-problem';
import { sendProblem } from './send-problem';
import { toProblem } from './to-problem';

/** Last route: nothing matched. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(req, res, new HttpProblem(404, `no route for ${req.method} ${req.path}`));
};

/** Last middleware: every error becomes problem+json; unexpected ones are logged with their stack. */
export const problemErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) {
    // Too late for a problem body: let Express abort the connection.
    next(err);
    return;
  }
  let problem = toProblem(err);
  if (!problem) {
    req.log.error({ err }, 'unhandled error');
    problem = new HttpProblem(500, 'internal error');
  } else if (problem.status >= 500) {
    req.log.warn({ err: { message: problem.detail, status: problem.status } }, 'request failed');
  }
  sendProblem(req, res, problem);
};
