import type { Request } from 'express';
import type { Logger } from 'pino';

const childKey = Symbol('kit.log');

type WithChild = Request & { [childKey]?: Logger };

/**
 * Defines `req.log` on the app's request prototype: a pino child with the request's ids, created on first
 * use only (most fast-path requests never log beyond the access line).
 */
export function installRequestLogger(requestPrototype: object, root: Logger): void {
  Object.defineProperty(requestPrototype, 'log', {
    configurable: true,
    get(this: WithChild): Logger {
      let child = this[childKey];
      if (!child) {
        child = root.child({ requestId: this.requestId, traceId: this.traceId, spanId: this.spanId });
        this[childKey] = child;
      }
      return child;
    },
    set(this: WithChild, logger: Logger) {
      this[childKey] = logger;
    },
  });
}
