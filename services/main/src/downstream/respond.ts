import type { Request, Response } from 'express';
import { HttpProblem, traceHeaders } from '@eks-sre-lab/kit';
import { errorCode, type Downstream } from './downstream';
import { DownstreamHttpError, type DownstreamResponse } from './http-client';

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** The downstream's `Retry-After` in whole seconds (a date or nothing → the default). */
function retryAfterOf(response: DownstreamResponse): number {
  const seconds = Number(response.retryAfter);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
}

/** The `detail` of a downstream problem+json body, if it has one. */
function detailOf(response: DownstreamResponse): string | undefined {
  try {
    const detail = (JSON.parse(response.body.toString('utf8')) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A downstream 503 says "alive, but a dependency of mine is out, retry later" (e.g. catalog while its
 * PostgreSQL restarts): the gateway passes it on as 503 with the downstream's Retry-After rather than
 * blaming the downstream with a 502. It still counts as a breaker failure (issue 5: every downstream
 * 5xx does), so a long outage opens the breaker and sheds load until a half-open trial succeeds.
 */
function unavailableProblem(downstream: Downstream, response: DownstreamResponse): HttpProblem {
  const reason = detailOf(response);
  const detail = `${downstream.name} is unavailable${reason ? `: ${reason}` : ''}`;
  return new HttpProblem(503, detail, { retryAfterSeconds: retryAfterOf(response) });
}

/**
 * Maps a failed downstream call to the gateway's answer: open breaker → 503 with Retry-After (no call
 * was made), timeout → 504, downstream 503 → 503 with its Retry-After, other 5xx or connection error → 502.
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
    if (error.response.status === 503) return unavailableProblem(downstream, error.response);
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

/**
 * GET `path` on the downstream, continuing `req`'s trace, and relay its answer; failures become the
 * gateway's problem answers.
 */
export async function proxyGet(
  req: Request,
  res: Response,
  downstream: Downstream,
  path: string,
): Promise<void> {
  let response: DownstreamResponse;
  try {
    response = await downstream.call({ method: 'GET', path, headers: traceHeaders(req) });
  } catch (error) {
    throw downstreamProblem(downstream, error);
  }
  relay(res, response);
}
