import { Counter, type Registry } from 'prom-client';
import { noFaults, type FaultSettings } from './fault-settings';

interface RoutePattern {
  pattern: string;
  regex: RegExp | undefined; // undefined: matches every path
}

function compilePattern(pattern: string): RoutePattern {
  if (pattern === '*') return { pattern, regex: undefined };
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return { pattern, regex: new RegExp(`^${escaped}$`) };
}

export type FaultKind = 'latency' | 'error' | 'readiness';

/** Current fault settings, compiled once per change so the per-request check stays a boolean test. */
export class FaultState {
  private current: FaultSettings = noFaults;
  private patterns: RoutePattern[] = [];
  /** Latency or errors are configured: only then does a request pay for pattern matching. */
  requestFaultsActive = false;
  private readonly injections: Counter<'kind' | 'route'>;

  constructor(registry: Registry, initial: FaultSettings) {
    this.injections = new Counter({
      name: 'fault_injections_total',
      help: 'Faults injected on purpose (learning scenarios, bad-release canaries), by kind and route pattern',
      labelNames: ['kind', 'route'],
      registers: [registry],
    });
    this.set(initial);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  set(settings: FaultSettings): void {
    this.current = settings;
    this.patterns = settings.routes.map(compilePattern);
    this.requestFaultsActive = settings.latencyMs > 0 || settings.errorRate > 0;
  }

  /** The first configured pattern the path matches, or undefined. */
  match(path: string): string | undefined {
    return this.patterns.find((p) => !p.regex || p.regex.test(path))?.pattern;
  }

  count(kind: FaultKind, route: string): void {
    this.injections.inc({ kind, route });
  }
}
