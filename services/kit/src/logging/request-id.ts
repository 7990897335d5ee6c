import { randomUUID } from 'node:crypto';

/** Accept caller ids that are short and made of safe characters; anything else could forge log lines. */
const safeRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export const requestIdHeader = 'x-request-id';

/** The caller's `X-Request-Id` when it is safe, otherwise a fresh UUID. */
export function resolveRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && safeRequestId.test(header) ? header : randomUUID();
}
