import type { Response } from 'express';
import { HttpProblem } from '@eks-sre-lab/kit';
import { errorCode, type Downstream } from './downstream';
import { DownstreamHttpError, type DownstreamResponse } from './http-client';

/**
 * Maps a failed downstream call to the gateway's answer: open breaker → 503 with Retry-After (no call
 * was made), timeout → 504, 5xx or connection error → 502.
 */
export function downstreamProblem(downstream: Downstream, error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const code = errorCode(error);
  if (code === 'EOPENBREAKER' || code === 'ESHUTDOWN' || code === 'ESEMLOCKED') {
    const retryAfterSeconds = downstream.retryAfterSeconds();
    return new HttpProblem(503, `${downstream.name} is unavailable (circuit open)`, { retryAfterSeconds });
  }
  if (code === 'ETIMEDOUT') {
    return new HttpProblem(504, `${downstream.name} did not answer in time`);
  }
  if (error instanceof DownstreamHttpError) {
    return new HttpProblem(502, `${downstream.name} answered ${error.response.status}`);
  }
  return new HttpProblem(502, `${downstream.name} is unreachable`);
}

/** Sends a downstream answer through unchanged (status, content type, body bytes). */
export function relay(res: Response, response: DownstreamResponse): void {
  res.status(response.status);
  res.setHeader('Content-Type', response.contentType ?? 'application/json');
  res.end(response.body);
}

/** GET `path` on the downstream and relay its answer; failures become the gateway's problem answers. */
export async function proxyGet(res: Response, downstream: Downstream, path: string): Promise<void> {
  let response: DownstreamResponse;
  try {
    response = await downstream.call({ method: 'GET', path });
  } catch (error) {
    throw downstreamProblem(downstream, error);
  }
  relay(res, response);
}
