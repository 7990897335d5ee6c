import { context, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { newSpanId, newTraceId } from './ids';
import { tracingState } from './state';

export interface RequestTrace {
  traceId: string;
  spanId: string;
  /** Context to run the rest of the request in (so outgoing calls carry `traceparent`), if any. */
  context: Context | undefined;
}

const traceparentPattern = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/;
const invalidTraceId = '00000000000000000000000000000000';

/**
 * Trace ids of one incoming request. When spans are exported, the HTTP instrumentation already made a
 * server span and we use it. Otherwise no span is created (nothing would read it): the caller's trace id
 * (from `traceparent`) is kept, this hop gets a fresh span id, and that span context is made active so
 * outgoing requests propagate it — the cheap path for the hot loop.
 */
export function resolveRequestTrace(traceparent: string | string[] | undefined): RequestTrace {
  if (tracingState.exporting) {
    const active = trace.getActiveSpan()?.spanContext();
    if (active && trace.isSpanContextValid(active)) {
      return { traceId: active.traceId, spanId: active.spanId, context: undefined };
    }
  }
  const match = typeof traceparent === 'string' ? traceparentPattern.exec(traceparent) : null;
  const parentTraceId = match?.[1];
  const traceId = parentTraceId && parentTraceId !== invalidTraceId ? parentTraceId : newTraceId();
  const spanId = newSpanId();
  if (!tracingState.propagating) return { traceId, spanId, context: undefined };
  const flags = match?.[2] ? parseInt(match[2], 16) & TraceFlags.SAMPLED : TraceFlags.NONE;
  const ctx = trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: flags, isRemote: false });
  return { traceId, spanId, context: ctx };
}
