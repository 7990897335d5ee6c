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
import { propagateOnFetch } from './fetch-propagation';
import { tracingState } from './state';

const probePaths = new Set<string>(Object.values(kitEndpoints));

function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing for the process. Always: AsyncLocalStorage context and the W3C `traceparent` propagator,
 * so trace ids reach the logs and outgoing `fetch`/`http` calls. With OTEL_EXPORTER_OTLP_ENDPOINT set:
 * an SDK tracer provider exporting server and client spans over OTLP/HTTP. Without it, no span is
 * created at all: nothing would read them, and the hot path stays lean. Calling it twice is a no-op.
 */
export function initTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  if (tracingState.propagating) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  tracingState.propagating = true;

  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const instrumentations: Instrumentation[] = [];
  if (endpoint) {
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
    instrumentations.push(
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => probePaths.has((req.url ?? '').split('?')[0] ?? ''),
      }),
      new UndiciInstrumentation(),
    );
  } else {
    // Client side only: `http.request` calls get `traceparent` from the active context.
    instrumentations.push(new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }));
    propagateOnFetch();
  }
  registerInstrumentations({ instrumentations });
}
