import { Router } from 'express';
import {
  createService,
  logConnectionState,
  redisReadinessCheck,
  type ListeningAddresses,
  type Service,
} from '@eks-sre-lab/kit';
import type { Config } from './config';
import { Downstream } from './downstream/downstream';
import { HttpClient } from './downstream/http-client';
import { OrderEventsHub } from './events/order-events-hub';
import { registerBreakerMetrics } from './metrics';
import { createCommandRedis, redisConnected } from './redis';
import { IdempotencyStore } from './orders/idempotency-store';
import { OrderPlacement } from './orders/place-order';
import { orderRoutes } from './routes/orders';
import { productRoutes } from './routes/products';
import { sessionRoutes } from './routes/session';
import { statusRoutes } from './routes/status';
import { uploadRoutes } from './routes/upload';
import { SESSION_COOKIE, sessionMiddleware } from './session/session-middleware';
import { HealthChecker } from './status/health-checker';
import { RollingStats } from './status/rolling-stats';
import { routeStatsMiddleware } from './status/route-stats-middleware';
import { createS3Client } from './upload/s3-client';

function downstream(name: string, baseUrl: string, config: Config): Downstream {
  const client = new HttpClient(name, baseUrl, {
    connections: config.DOWNSTREAM_CONNECTIONS,
    keepAliveMs: config.DOWNSTREAM_KEEPALIVE_MS,
    socketTimeoutMs: config.BREAKER_TIMEOUT_MS + 1_000,
  });
  return new Downstream(
    name,
    client,
    {
      failureThreshold: config.BREAKER_FAILURE_THRESHOLD,
      timeoutMs: config.BREAKER_TIMEOUT_MS,
      resetMs: config.BREAKER_RESET_MS,
    },
    {
      maxRetries: config.RETRY_MAX_RETRIES,
      baseDelayMs: config.RETRY_BASE_DELAY_MS,
      maxDelayMs: config.RETRY_MAX_DELAY_MS,
    },
  );
}

const REDIS_START_WAIT_MS = 3_000;

export interface Gateway {
  service: Service;
  /** Waits (bounded) for the Redis connection, then listens: use instead of `service.listen()`. */
  listen(): Promise<ListeningAddresses>;
  /** Ends the event streams (they would hold a shutdown's drain open); clients reconnect elsewhere. */
  endStreams(): void;
  shutdown(): Promise<boolean>;
}

/** Builds the gateway on the service kit: every client, pool and breaker is created once, here. */
export function createGateway(config: Config): Gateway {
  const service = createService({ name: 'main', config });
  const redis = createCommandRedis(config.REDIS_URL);
  logConnectionState(redis, service.logger, {
    lost: 'redis unavailable: sessions and orders answer 503, product reads go on',
    restored: 'redis connection restored',
  });

  const catalog = downstream('catalog', config.CATALOG_URL, config);
  const order = downstream('order', config.ORDER_URL, config);
  registerBreakerMetrics(service.registry, [catalog, order]);

  const stats = new RollingStats(config.STATUS_WINDOW_SECONDS);
  const health = new HealthChecker([catalog.client, order.client], redis, config.HEALTH_TIMEOUT_MS);
  const events = new OrderEventsHub(
    redis,
    config.ORDER_EVENTS_CHANNEL,
    config.SSE_HEARTBEAT_MS,
    service.logger,
  );
  const placement = new OrderPlacement(
    catalog,
    order,
    new IdempotencyStore(redis, config.ORDER_PENDING_TTL_SECONDS, config.ORDER_IDEMPOTENCY_TTL_SECONDS),
  );
  const s3 = createS3Client(config);
  const withSession = sessionMiddleware(config, redis);

  const api = Router();
  api.use(routeStatsMiddleware(stats));
  api.use(productRoutes(catalog));
  api.use(
    statusRoutes({
      downstreams: [catalog, order],
      health,
      stats,
      events,
      windowSeconds: config.STATUS_WINDOW_SECONDS,
    }),
  );
  api.use(
    uploadRoutes({
      s3,
      bucket: config.S3_BUCKET,
      maxBytes: config.UPLOAD_MAX_BYTES,
      allowedTypes: new Set(config.UPLOAD_ALLOWED_TYPES),
    }),
  );
  api.use(['/session', '/orders'], withSession);
  api.use(sessionRoutes(SESSION_COOKIE));
  api.use(orderRoutes(order, placement));
  service.app.use('/api', api);

  // Only sessions, order idempotency and the event stream need Redis: without it the gateway stays in
  // rotation (product reads keep working) and reports `redis: degraded`; those routes answer 503.
  service.addReadinessCheck('redis', redisReadinessCheck(redis), { critical: false });
  service.onShutdown(async () => {
    await Promise.all([catalog.close(), order.close()]);
    s3.destroy();
    await events.close();
    // QUIT needs a live connection (no offline queue): a Redis that is down is let go, as in order.
    await redis.quit().catch(() => redis.disconnect());
  });
  return {
    service,
    async listen() {
      if (!(await redisConnected(redis, REDIS_START_WAIT_MS))) {
        service.logger.warn('redis not reachable yet: starting degraded (sessions and orders answer 503)');
      }
      return service.listen();
    },
    endStreams: () => events.endStreams(),
    async shutdown(): Promise<boolean> {
      events.endStreams();
      return service.shutdown();
    },
  };
}
