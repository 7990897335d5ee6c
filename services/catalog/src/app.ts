import { createService, databaseOutage, type Service } from '@eks-sre-lab/kit';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { CacheAside } from './cache/cache-aside';
import { connectRedis, createRedisClient } from './cache/redis-client';
import { categoryRoutes } from './categories/routes';
import type { CatalogConfig } from './config';
import { createDataSource, runMigrations } from './db/data-source';
import { registerPoolMetrics } from './db/pool-metrics';
import { instrumentQueries } from './db/query-metrics';
import { createCatalogMetrics, type CatalogMetrics } from './metrics';
import { ProductRepository } from './products/repository';
import { productRoutes } from './products/routes';
import { ProductService } from './products/service';

export interface CatalogDeps {
  dataSource: DataSource;
  cache: CacheAside;
}

/** The `/catalog` API, given its dependencies. */
export function catalogRouter({ dataSource, cache }: CatalogDeps): Router {
  const router = Router();
  router.use(productRoutes(new ProductService(new ProductRepository(dataSource), cache)));
  router.use(categoryRoutes(dataSource));
  return router;
}

export interface Catalog {
  service: Service;
  dataSource: DataSource;
  redis: Redis;
  metrics: CatalogMetrics;
}

export interface CreateCatalogOptions {
  /** Where log lines go (tests capture or silence them). */
  logDestination?: DestinationStream;
}

/**
 * Wires the catalog on the service kit: PostgreSQL (migrations first when MIGRATE_ON_START), Redis (a
 * non-critical dependency: down means degraded, not unready), metrics, routes, readiness and shutdown.
 * The caller listens (`catalog.service.listen()`).
 */
export async function createCatalog(
  config: CatalogConfig,
  options: CreateCatalogOptions = {},
): Promise<Catalog> {
  const service = createService({
    name: 'catalog',
    config,
    logDestination: options.logDestination,
    // A dropped or refused PostgreSQL connection is an outage (503 + Retry-After), not a 500.
    errorMappers: [databaseOutage({ dependency: 'postgres' })],
  });
  const { logger, registry } = service;
  const metrics = createCatalogMetrics(registry);

  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolMax: config.DB_POOL_MAX,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  });
  await dataSource.initialize();
  instrumentQueries(dataSource, metrics);
  registerPoolMetrics(registry, dataSource, config.DB_POOL_MAX);
  service.onShutdown(() => dataSource.destroy());
  if (config.MIGRATE_ON_START) {
    const ran = await runMigrations(dataSource);
    logger.info({ migrations: ran }, ran.length ? 'migrations applied' : 'schema up to date');
  }

  const redis = createRedisClient({
    url: config.REDIS_URL,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    logger,
  });
  if (!(await connectRedis(redis, 2_000))) logger.warn('redis unreachable at start: serving without cache');
  service.onShutdown(() => redis.disconnect());
  const cache = new CacheAside({
    redis,
    metrics,
    logger,
    ttlSeconds: config.CACHE_TTL_SECONDS,
    keyPrefix: config.REDIS_KEY_PREFIX,
  });

  service.addReadinessCheck('postgres', async () => {
    await dataSource.query('SELECT 1');
  });
  service.addReadinessCheck(
    'redis',
    async () => {
      await redis.ping();
    },
    { critical: false },
  );
  service.app.use('/catalog', catalogRouter({ dataSource, cache }));
  return { service, dataSource, redis, metrics };
}
