import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { OrderListener } from './orders/service';
import type { RelayMetrics } from './outbox/relay';

/** The pg Pool behind TypeORM's postgres driver (the parts we read). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

export interface OrderMetrics {
  orders: OrderListener;
  relay: RelayMetrics;
}

/** Order, outbox and connection-pool metrics on the kit registry; gauges are read at scrape time. */
export function registerOrderMetrics(registry: Registry, dataSource: DataSource): OrderMetrics {
  const created = new Counter({
    name: 'orders_created_total',
    help: 'Orders created',
    registers: [registry],
  });
  const replays = new Counter({
    name: 'orders_idempotent_replays_total',
    help: 'POST /orders answered with the order an Idempotency-Key already made',
    registers: [registry],
  });
  const transitions = new Counter({
    name: 'order_status_transitions_total',
    help: 'Order status changes, by from and to status',
    labelNames: ['from', 'to'],
    registers: [registry],
  });
  const published = new Counter({
    name: 'outbox_events_published_total',
    help: 'Outbox events published to Redis',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'outbox_relay_failures_total',
    help: 'Outbox relay batches that failed (Redis publish or database)',
    registers: [registry],
  });
  registerOutboxGauges(registry, dataSource);
  registerPoolGauges(registry, dataSource);
  return {
    orders: {
      created: () => created.inc(),
      replayed: () => replays.inc(),
      transitioned: (from, to) => transitions.inc({ from, to }),
    },
    relay: { published: (count) => published.inc(count), failed: () => failures.inc() },
  };
}

function registerOutboxGauges(registry: Registry, dataSource: DataSource): void {
  let pending: Promise<{ backlog: number; age: number } | undefined> | undefined;
  // One query feeds both gauges of a scrape; a database outage keeps the last values, not a failed scrape.
  const read = () =>
    (pending ??= dataSource
      .query(
        `SELECT count(*)::int AS backlog,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM outbox_events WHERE sent_at IS NULL`,
      )
      .then((rows: { backlog: number; age: number }[]) => rows[0])
      .catch(() => undefined)
      .finally(() => (pending = undefined)));
  new Gauge({
    name: 'outbox_backlog_events',
    help: 'Outbox events not yet published',
    registers: [registry],
    async collect() {
      const value = await read();
      if (value) this.set(value.backlog);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when none)',
    registers: [registry],
    async collect() {
      const value = await read();
      if (value) this.set(value.age);
    },
  });
}

function registerPoolGauges(registry: Registry, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by state (in_use, idle, waiting requests)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'PostgreSQL pool size limit (alert when in_use / max > 0.8)',
    registers: [registry],
    collect() {
      const p = pool();
      if (p) this.set(p.options.max);
    },
  });
}
