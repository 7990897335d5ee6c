import type { EventEmitter } from 'node:events';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Downstream } from './downstream/downstream';

const STATE_VALUE = { closed: 0, halfOpen: 1, open: 2 } as const;
const BREAKER_EVENTS = ['success', 'failure', 'timeout', 'reject', 'open', 'halfOpen', 'close'] as const;

/**
 * Breaker metrics fed by opossum's events, registered on the kit's registry. (opossum-prometheus still
 * depends on prom-client 12, so these few metrics are kept here instead.)
 */
export function registerBreakerMetrics(registry: Registry, downstreams: Downstream[]): void {
  const byName = new Map(downstreams.map((d) => [d.name, d]));
  new Gauge({
    name: 'circuit_breaker_state',
    help: 'Circuit breaker state per downstream: 0 closed, 1 half-open, 2 open',
    labelNames: ['breaker'],
    registers: [registry],
    collect() {
      for (const [name, downstream] of byName) this.set({ breaker: name }, STATE_VALUE[downstream.state]);
    },
  });
  const events = new Counter({
    name: 'circuit_breaker_events_total',
    help: 'Circuit breaker events per downstream (success, failure, timeout, reject, open, halfOpen, close)',
    labelNames: ['breaker', 'event'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'downstream_request_duration_seconds',
    help: 'Duration of calls to downstream services through their breaker',
    labelNames: ['downstream', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  for (const downstream of downstreams) {
    const emitter: EventEmitter = downstream.breaker; // typed overloads do not accept an event union
    for (const event of BREAKER_EVENTS) {
      const child = events.labels(downstream.name, event);
      emitter.on(event, () => child.inc());
    }
    const success = latency.labels(downstream.name, 'success');
    const failure = latency.labels(downstream.name, 'failure');
    downstream.breaker.on('success', (_result: unknown, ms: number) => success.observe(ms / 1000));
    downstream.breaker.on('failure', (_error: unknown, ms: number) => failure.observe(ms / 1000));
  }
}
