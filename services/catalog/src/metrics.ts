import { Counter, Histogram, type Registry } from 'prom-client';

/** The catalog's own metrics, registered on the kit's registry. */
export interface CatalogMetrics {
  cacheHits: Counter<'cache'>;
  cacheMisses: Counter<'cache'>;
  /** Every failed Redis operation: the cache is degraded but reads still answer from PostgreSQL. */
  cacheErrors: Counter<'operation'>;
  dbQueries: Counter<'statement'>;
  dbQueryDuration: Histogram<'statement' | 'success'>;
}

export function createCatalogMetrics(registry: Registry): CatalogMetrics {
  const registers = [registry];
  const metrics: CatalogMetrics = {
    cacheHits: new Counter({
      name: 'cache_hits_total',
      help: 'Product reads answered from Redis',
      labelNames: ['cache'],
      registers,
    }),
    cacheMisses: new Counter({
      name: 'cache_misses_total',
      help: 'Product reads not found in Redis (answered from PostgreSQL)',
      labelNames: ['cache'],
      registers,
    }),
    cacheErrors: new Counter({
      name: 'cache_errors_total',
      help: 'Redis operations that failed (timeout, connection down, script error)',
      labelNames: ['operation'],
      registers,
    }),
    dbQueries: new Counter({
      name: 'db_queries_total',
      help: 'SQL statements sent to PostgreSQL',
      labelNames: ['statement'],
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'SQL statement duration, from send to result',
      labelNames: ['statement', 'success'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
  };
  // Every series exists from the start at 0, so rate() and alerts see the first increment.
  for (const cache of ['product', 'list']) {
    metrics.cacheHits.inc({ cache }, 0);
    metrics.cacheMisses.inc({ cache }, 0);
  }
  for (const operation of ['read', 'write', 'invalidate']) metrics.cacheErrors.inc({ operation }, 0);
  return metrics;
}
