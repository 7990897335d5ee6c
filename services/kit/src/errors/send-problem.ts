import type { Request, Response } from 'express';
import type { HttpProblem } from './http-problem';

/** Writes an RFC 9457 `application/problem+json` response. Never includes a stack trace. */
export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const body: Record<string, unknown> = {
    ...problem.extensions,
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: req.originalUrl,
    requestId: req.requestId,
  };
  if (problem.errors) body.errors = problem.errors;
  if (problem.retryAfterSeconds !== undefined)
    res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}
