import type { FuzzResponse } from '../http/send';

/**
 * What a hostile request may get back: never a 5xx; every 4xx is RFC 9457 problem+json whose `status`
 * matches. `strict` endpoints (input invalid by construction) must answer 4xx, never 2xx.
 */
export function verdict(res: FuzzResponse, strict: boolean): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${res.body.slice(0, 300)}`;
  if (strict && (res.status < 400 || res.status >= 500)) return `accepted invalid input with ${res.status}`;
  if (res.status < 400) return undefined;
  if (!res.contentType.startsWith('application/problem+json')) {
    return `${res.status} with content-type "${res.contentType}", not application/problem+json`;
  }
  let body: { status?: unknown; title?: unknown };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return `${res.status} problem+json body is not JSON: ${res.body.slice(0, 200)}`;
  }
  if (body.status !== res.status) return `problem status ${String(body.status)} differs from ${res.status}`;
  if (typeof body.title !== 'string') return 'problem+json without a title';
  return undefined;
}
