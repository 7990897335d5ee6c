import { subscribe } from 'node:diagnostics_channel';
import { context, propagation } from '@opentelemetry/api';

interface UndiciRequest {
  addHeader?(name: string, value: string): unknown;
  headers?: string | string[];
}

/**
 * Adds `traceparent` to every request of Node's global fetch (undici) from the active context, without
 * creating client spans: the cheap path when nothing exports spans (the full undici instrumentation is
 * used when spans are exported).
 */
export function propagateOnFetch(): void {
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: UndiciRequest };
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    for (const [name, value] of Object.entries(carrier)) {
      if (typeof request.addHeader === 'function') request.addHeader(name, value);
      else if (typeof request.headers === 'string') request.headers += `${name}: ${value}\r\n`;
      else if (Array.isArray(request.headers)) request.headers.push(name, value);
    }
  });
}
