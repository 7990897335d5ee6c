import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The parts of a pg Pool the gauges read. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(dataSource: DataSource): PoolCounts | undefined {
  if (!dataSource.isInitialized) return undefined;
  // TypeORM's postgres driver keeps the pg Pool as `master` (not in its public types).
  return (dataSource.driver as unknown as { master?: PoolCounts }).master;
}

/**
 * Pool usage, read at scrape time: db_pool_connections{state="in_use|idle|waiting"} and db_pool_max.
 * The seed's SLI "DB connections < 80%" is `db_pool_connections{state="in_use"} / db_pool_max`.
 */
export function registerPoolMetrics(registry: Registry, dataSource: DataSource, poolMax: number): void {
  new Gauge({
    name: 'db_pool_max',
    help: 'Maximum connections in the PostgreSQL pool',
    registers: [registry],
    collect() {
      this.set(poolMax);
    },
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by state (waiting = queued requests for a connection)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = poolOf(dataSource);
      this.set({ state: 'in_use' }, pool ? pool.totalCount - pool.idleCount : 0);
      this.set({ state: 'idle' }, pool?.idleCount ?? 0);
      this.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
    },
  });
}
