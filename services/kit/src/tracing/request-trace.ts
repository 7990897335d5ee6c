import { context, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { newSpanId, newTraceId } from './ids';
import { tracingState } from './state';

export interface RequestTrace {
  traceId: string;
  spanId: string;
  /** W3C trace flags as two hex digits: the caller's sampled bit, `00` for a new trace. */
  traceFlags: string;
  /** Context to run the rest of the request in (only when spans are exported), if any. */
  context: Context | undefined;
}

const traceparentPattern = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/;
const invalidTraceId = '00000000000000000000000000000000';

/**
 * Trace ids of one incoming request. When spans are exported, the HTTP instrumentation already made a
 * server span and we use it. Otherwise no span and no context is created (nothing would read them): the
 * caller's trace id (from `traceparent`) is kept and this hop gets a fresh span id, which outgoing calls
 * name as their parent through `traceHeaders(req)` — the cheap path for the hot loop.
 */
export function resolveRequestTrace(traceparent: string | string[] | undefined): RequestTrace {
  if (tracingState.exporting) {
    const active = trace.getActiveSpan()?.spanContext();
    if (active && trace.isSpanContextValid(active)) {
      const traceFlags = (active.traceFlags & TraceFlags.SAMPLED) === 0 ? '00' : '01';
      return { traceId: active.traceId, spanId: active.spanId, traceFlags, context: undefined };
    }
  }
  const match = typeof traceparent === 'string' ? traceparentPattern.exec(traceparent) : null;
  const parentTraceId = match?.[1];
  const traceId = parentTraceId && parentTraceId !== invalidTraceId ? parentTraceId : newTraceId();
  const spanId = newSpanId();
  const sampled = match?.[2] ? (parseInt(match[2], 16) & TraceFlags.SAMPLED) !== 0 : false;
  const traceFlags = sampled ? '01' : '00';
  if (!tracingState.exporting) return { traceId, spanId, traceFlags, context: undefined };
  const flags = sampled ? TraceFlags.SAMPLED : TraceFlags.NONE;
  const ctx = trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: flags, isRemote: false });
  return { traceId, spanId, traceFlags, context: ctx };
}
