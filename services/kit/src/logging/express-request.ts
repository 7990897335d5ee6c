import type { Logger } from 'pino';

// Per-request fields the kit sets on every Express request (services read them in their handlers).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** `X-Request-Id` (given and safe, or generated); echoed in the response. */
      requestId: string;
      /** W3C trace id of this request (from `traceparent` or new). */
      traceId: string;
      /** Span id of this service's hop; the parent of outgoing calls. */
      spanId: string;
      /** W3C trace flags of this request as two hex digits (`01` sampled by the caller, else `00`). */
      traceFlags: string;
      /** pino child logger carrying `requestId`, `traceId` and `spanId`. */
      log: Logger;
    }
  }
}

export {};
