import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers, computed once. `helmet()` runs thirteen middlewares per request that always set the
 * same values (no CSP nonces here); the profile showed that chain on every request. Running it once
 * against a recording response and replaying the result keeps the exact headers at one loop per request.
 */
export function securityHeaders(): RequestHandler {
  const set = new Map<string, string | number | readonly string[]>();
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void set.set(name, value),
    removeHeader: (name: string) => void removed.push(name),
  };
  let error: unknown;
  helmet()(
    { headers: {} } as IncomingMessage,
    recorder as unknown as ServerResponse, // helmet only calls setHeader/removeHeader
    (err?: unknown) => void (error = err),
  );
  if (error) throw error;
  const headers = [...set];
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
