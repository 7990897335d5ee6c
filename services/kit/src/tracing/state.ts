/** What `initTracing` set up; read by the per-request code (kept dependency-free). */
export const tracingState = {
  /**
   * Spans are exported: the SDK, its AsyncLocalStorage context manager and the http/undici
   * instrumentations are registered, so outgoing calls get `traceparent` from the active context.
   * Otherwise nothing is registered and callers pass `traceHeaders(req)` explicitly.
   */
  exporting: false,
  shutdown: async (): Promise<void> => {},
};
