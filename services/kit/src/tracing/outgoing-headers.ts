import type { Request } from 'express';
import { tracingState } from './state';

const none: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Headers that continue the request's trace on an outgoing call: `traceparent` naming this hop's span
 * as the parent. When spans are exported the http/undici instrumentations inject it from the active
 * context (with their client span as the parent), so nothing is added here (it would be sent twice).
 */
export function traceHeaders(req: Request): Readonly<Record<string, string>> {
  if (tracingState.exporting) return none;
  return { traceparent: `00-${req.traceId}-${req.spanId}-${req.traceFlags}` };
}
