import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { BaseConfig } from './config/base-schema';
import { kitEndpoints } from './contract';
import type { ErrorMapper } from './errors/database-outage';
import { notFoundHandler, problemErrorHandler } from './errors/handlers';
import { createFaultAdminApp } from './faults/admin-app';
import { faultMiddleware } from './faults/fault-middleware';
import { faultSettingsFromConfig } from './faults/fault-settings';
import { FaultState } from './faults/fault-state';
import { Readiness, type ReadinessCheck, type ReadinessCheckOptions } from './health/readiness';
import { installHealthRoutes } from './health/routes';
import { bodyParsing } from './http/body-parsing';
import { answerClientErrors } from './http/client-error';
import { securityHeaders } from './http/security-headers';
import { requestLifecycle } from './http/request-lifecycle';
import { createLogger } from './logging/logger';
import { installRequestLogger } from './logging/request-logger';
import { HttpMetrics } from './metrics/http-metrics';
import { createRegistry } from './metrics/registry';
import { captureRouteTemplates } from './metrics/route-label';
import { DrainTracker } from './shutdown/drain';
import { ShutdownHooks } from './shutdown/hooks';
import { tracingState } from './tracing/state';

export interface ServiceOptions {
  name: string;
  config: BaseConfig;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Max JSON body size; `100kb` by default. */
  bodyLimit?: string | number;
  /** Media types routes parse themselves instead of 415; `multipart/form-data` by default. */
  passthroughContentTypes?: string[];
  /** Extra error → problem mappings, e.g. `databaseOutage()` for services with a database. */
  errorMappers?: ErrorMapper[];
}

export interface ListeningAddresses {
  port: number;
  /** Fault admin port, when FAULT_ADMIN_ENABLED=true. */
  adminPort?: number;
}

export interface Service {
  readonly app: Express;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly faults: FaultState;
  /** The HTTP server, once `listen()` resolved. */
  readonly server: Server | undefined;
  addReadinessCheck(name: string, check: ReadinessCheck, options?: ReadinessCheckOptions): void;
  /** Runs after the drain, in reverse registration order (close pools/clients). */
  onShutdown(hook: () => Promise<unknown> | unknown): void;
  listen(): Promise<ListeningAddresses>;
  /** Drain, close servers, run hooks; resolves `true` when everything closed cleanly. Idempotent. */
  shutdown(): Promise<boolean>;
  /** SIGTERM/SIGINT → `shutdown()` → exit 0 (1 if a hook failed; a second signal exits at once). */
  handleSignals(): void;
}

function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A service with the kit's middleware installed and `/healthz`, `/readyz`, `/metrics` served. */
export function createService(options: ServiceOptions): Service {
  const { name, config } = options;
  const { logger, flush } = createLogger({
    name,
    level: config.LOG_LEVEL,
    destination: options.logDestination,
  });
  const registry = createRegistry();
  const metrics = new HttpMetrics(registry);
  const faults = new FaultState(registry, faultSettingsFromConfig(config));
  const readiness = new Readiness();
  const drain = new DrainTracker();
  const hooks = new ShutdownHooks(logger);
  let server: Server | undefined;
  let adminServer: Server | undefined;
  let shuttingDown: Promise<boolean> | undefined;

  const app = express();
  app.disable('x-powered-by');
  // ETags would hash every JSON body; services that want conditional GETs can turn them back on.
  app.set('etag', false);
  captureRouteTemplates(app.request);
  installRequestLogger(app.request, logger);

  app.use(requestLifecycle({ logger, metrics, drain }));
  app.use(securityHeaders());
  installHealthRoutes(app, {
    readiness,
    timeoutMs: config.READINESS_TIMEOUT_MS,
    isDraining: () => drain.isDraining,
    forcedFailure: () => {
      if (!faults.settings.readinessFail) return undefined;
      faults.count('readiness', kitEndpoints.readyz);
      logger.warn({ fault: 'readiness' }, 'fault injected: readiness');
      return 'readiness fault injected';
    },
  });
  app.get(kitEndpoints.metrics, async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.use(faultMiddleware(faults));
  app.use(
    bodyParsing({
      limit: options.bodyLimit ?? '100kb',
      passthroughTypes: options.passthroughContentTypes ?? ['multipart/form-data'],
    }),
  );

  async function listen(): Promise<ListeningAddresses> {
    app.use(notFoundHandler);
    app.use(problemErrorHandler(options.errorMappers));
    server = createServer(app);
    answerClientErrors(server);
    // Longer than the AWS ALB idle timeout (60 s): the load balancer, not us, closes idle connections,
    // which avoids 502s from racing a keep-alive close.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    const port = await listenOn(server, config.PORT, config.HOST);
    const addresses: ListeningAddresses = { port };
    if (config.FAULT_ADMIN_ENABLED) {
      adminServer = createServer(createFaultAdminApp(faults, logger));
      addresses.adminPort = await listenOn(adminServer, config.ADMIN_PORT, config.HOST);
    }
    logger.info({ ...addresses, host: config.HOST }, `${name} listening`);
    return addresses;
  }

  async function runShutdown(): Promise<boolean> {
    logger.info({ inFlight: drain.inFlightCount, drainMs: config.SHUTDOWN_DRAIN_MS }, 'shutdown: draining');
    server?.closeIdleConnections();
    const drained = await drain.drain(config.SHUTDOWN_DRAIN_MS);
    if (!drained) logger.warn({ inFlight: drain.inFlightCount }, 'shutdown: drain time ran out');
    await Promise.all([closeServer(server), closeServer(adminServer)]);
    const hooksOk = await hooks.run();
    await tracingState.shutdown().catch((err: unknown) => logger.warn({ err }, 'tracing shutdown failed'));
    logger.info('shutdown complete');
    flush();
    return hooksOk;
  }

  const service: Service = {
    app,
    registry,
    logger,
    faults,
    get server() {
      return server;
    },
    addReadinessCheck: (checkName, check, checkOptions) => readiness.add(checkName, check, checkOptions),
    onShutdown: (hook) => hooks.add(hook),
    listen,
    shutdown: () => (shuttingDown ??= runShutdown()),
    handleSignals() {
      const onSignal = (signal: NodeJS.Signals) => {
        if (shuttingDown) {
          logger.warn({ signal }, 'second signal: exiting now');
          flush();
          process.exit(1);
        }
        logger.info({ signal }, 'signal received');
        void service.shutdown().then((ok) => process.exit(ok ? 0 : 1));
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    },
  };
  return service;
}
