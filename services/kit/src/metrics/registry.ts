import { collectDefaultMetrics, Registry } from 'prom-client';

/** A service's own registry (never the global one), with the process default metrics. */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
