// `@eks-sre-lab/kit/tracing`: load and call before Express and `http` are imported (see README).
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { kitEndpoints } from '../contract';
import { tracingState } from './state';

const probePaths = new Set<string>(Object.values(kitEndpoints));

function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing for the process when OTEL_EXPORTER_OTLP_ENDPOINT is set: AsyncLocalStorage context, the
 * W3C propagator, an SDK tracer provider exporting server and client spans (http + undici) over
 * OTLP/HTTP. Without it nothing is registered: an AsyncLocalStorage context manager turns on async_hooks
 * promise hooks, a cost on every promise of every request (≈ 15 % of the gateway's read throughput
 * measured here) only to carry ids that the request already knows. The request lifecycle still reads
 * `traceparent`, logs carry the ids through `req.log`, and outgoing calls add `traceHeaders(req)`.
 * Calling it twice is a no-op.
 */
export function initTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (tracingState.exporting || !endpoint) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: tracesUrl(endpoint) }) }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  tracingState.exporting = true;
  tracingState.shutdown = () => provider.shutdown();
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => probePaths.has((req.url ?? '').split('?')[0] ?? ''),
    }),
    new UndiciInstrumentation(),
  ];
  registerInstrumentations({ instrumentations });
}
