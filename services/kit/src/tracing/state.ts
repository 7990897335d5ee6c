/** What `initTracing` set up; read by the per-request code (kept dependency-free). */
export const tracingState = {
  /** A context manager and the W3C propagator are registered: outgoing calls carry `traceparent`. */
  propagating: false,
  /** Spans are exported: the HTTP instrumentation creates a server span per request. */
  exporting: false,
  shutdown: async (): Promise<void> => {},
};
