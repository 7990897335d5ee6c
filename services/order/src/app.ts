import {
  createService,
  databaseOutage,
  logConnectionState,
  redisReadinessCheck,
  type ListeningAddresses,
  type Service,
} from '@eks-sre-lab/kit';
import type { DestinationStream } from 'pino';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { startCleanup, type Cleanup } from './cleanup';
import type { OrderConfig } from './config';
import { createDataSource } from './db/data-source';
import { migrateWithLock } from './db/migrate-on-start';
import { IdempotencyStore } from './idempotency/store';
import { registerOrderMetrics } from './metrics';
import { orderRoutes } from './orders/routes';
import { OrderService } from './orders/service';
import { OutboxRelay } from './outbox/relay';
import { createPublisherRedis } from './redis';

export interface OrderApp {
  service: Service;
  dataSource: DataSource;
  redis: Redis;
  relay: OutboxRelay;
  orders: OrderService;
  cleanup: Cleanup;
  /** Listens and starts the outbox relay. */
  start(): Promise<ListeningAddresses>;
}

export interface OrderAppOptions {
  /** Where log lines go (tests); stdout by default. */
  logDestination?: DestinationStream;
}

/** Wires the order service: database (and migrations), Redis publisher, outbox relay, routes, metrics. */
export async function createOrderApp(config: OrderConfig, options: OrderAppOptions = {}): Promise<OrderApp> {
  const service = createService({
    name: 'order',
    config,
    logDestination: options.logDestination,
    // A dropped or refused PostgreSQL connection is an outage (503 + Retry-After), not a 500.
    errorMappers: [databaseOutage({ dependency: 'postgres' })],
  });
  const log = service.logger;
  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    poolMax: config.DB_POOL_MAX,
  }).initialize();
  service.onShutdown(() => dataSource.destroy());
  if (config.MIGRATE_ON_START) {
    const applied = await migrateWithLock(dataSource);
    log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');
  }

  const redis = createPublisherRedis(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS);
  logConnectionState(redis, log, {
    lost: 'redis unavailable: outbox events wait in PostgreSQL',
    restored: 'redis connection restored',
  });
  service.onShutdown(() => redis.quit().catch(() => redis.disconnect()));

  const metrics = registerOrderMetrics(service.registry, dataSource);
  const relay = new OutboxRelay(
    dataSource,
    redis,
    {
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: config.OUTBOX_POLL_MS,
      backoffBaseMs: config.OUTBOX_BACKOFF_BASE_MS,
      backoffMaxMs: config.OUTBOX_BACKOFF_MAX_MS,
    },
    log.child({ component: 'outbox-relay' }),
    metrics.relay,
  );
  service.onShutdown(() => relay.stop());

  const idempotency = new IdempotencyStore(config.IDEMPOTENCY_TTL_HOURS * 3600);
  const orders = new OrderService(dataSource, idempotency, {
    created: () => {
      metrics.orders.created();
      relay.nudge();
    },
    replayed: metrics.orders.replayed,
    transitioned: (from, to) => {
      metrics.orders.transitioned(from, to);
      relay.nudge();
    },
  });
  service.app.use(orderRoutes(orders));

  service.addReadinessCheck('postgres', async () => {
    await dataSource.query('SELECT 1');
  });
  // Without Redis the service still takes orders; events wait in the outbox.
  service.addReadinessCheck('redis', redisReadinessCheck(redis), { critical: false });

  const cleanup = startCleanup(
    dataSource,
    idempotency,
    { intervalMs: config.CLEANUP_INTERVAL_MS, outboxRetentionHours: config.OUTBOX_RETENTION_HOURS },
    log.child({ component: 'cleanup' }),
  );
  service.onShutdown(() => cleanup.stop());

  return {
    service,
    dataSource,
    redis,
    relay,
    orders,
    cleanup,
    async start() {
      const addresses = await service.listen();
      relay.start();
      return addresses;
    },
  };
}
