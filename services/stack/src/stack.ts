// The whole application on one machine: data stores, the three services and the web server, started in
// dependency order and stopped in reverse. `npm start`, the e2e suite, bench and chaos all use this.
import path from 'node:path';
import {
  freePort,
  startPostgres,
  startRedis,
  startS3,
  repoRoot,
  startNodeService,
  type NodeServiceHandle,
  type PostgresHandle,
  type RedisHandle,
  type S3Handle,
} from '@eks-sre-lab/harness';
import { serviceNodeFlags } from '@eks-sre-lab/kit/contract';
import { prepareDatabases, type StackDatabases } from './databases';
import { stackOptionsSchema, type StackOptions } from './options';
import { seedCatalog } from './seed';
import { startWebServer, type WebServerHandle } from './web-server';

// Found by walking up, so this works from src/ (Jest) and from dist/src/ (npm start) alike.
const REPO = repoRoot(__dirname);
const entry = (service: string) => path.join(REPO, 'services', service, 'dist/src/server.js');
export const UPLOAD_BUCKET = 'uploads';

export interface StackHandles {
  /** Absent when an external DATABASE_URL is used. */
  postgres?: PostgresHandle;
  /** Absent when an external REDIS_URL is used. */
  redis?: RedisHandle;
  s3: S3Handle;
  catalog: NodeServiceHandle;
  order: NodeServiceHandle;
  main: NodeServiceHandle;
  /** Absent with `web: false`. */
  frontend?: WebServerHandle;
}

export interface StackUrls {
  /** Open this in a browser (absent with `web: false`). */
  frontend?: string;
  /** The gateway's API: through the web server, or straight at the gateway with `web: false`. */
  api: string;
  catalog: string;
  order: string;
  main: string;
  databases: StackDatabases;
  redis: string;
  s3: string;
}

export interface Stack {
  urls: StackUrls;
  handles: StackHandles;
  stop(): Promise<void>;
}

export async function startStack(input: StackOptions = {}): Promise<Stack> {
  const options = stackOptionsSchema.parse(input);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Reverse start order; keep going when one part fails so nothing is left behind.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  const track = <T extends { stop(): Promise<unknown> }>(handle: T): T => {
    cleanups.push(async () => void (await handle.stop()));
    return handle;
  };

  try {
    const postgres = options.databaseUrl ? undefined : track(await startPostgres());
    const serverUrl = options.databaseUrl ?? postgres!.url;
    const databases = await prepareDatabases(serverUrl, !postgres);
    const redis = options.redisUrl ? undefined : track(await startRedis());
    const redisUrl = options.redisUrl ?? redis!.url;
    const s3 = track(await startS3({ buckets: [UPLOAD_BUCKET] }));

    const service = async (name: 'catalog' | 'order' | 'main', port: number, env: Record<string, string>) =>
      track(
        await startNodeService({
          name,
          entry: entry(name),
          nodeArgs: [...serviceNodeFlags], // as the images run them
          port: port || (await freePort()),
          env: { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env, ...options.env[name] },
          onLine: options.verbose ? (line) => process.stderr.write(`[${name}] ${line}\n`) : undefined,
        }),
      );

    const catalog = await service('catalog', options.catalogPort, {
      DATABASE_URL: databases.catalog,
      REDIS_URL: redisUrl,
      MIGRATE_ON_START: 'true',
    });
    if (options.seed) {
      const seeded = await seedCatalog(databases.catalog);
      if (options.verbose) process.stderr.write(`[seed] ${seeded}\n`);
    }
    const order = await service('order', options.orderPort, {
      DATABASE_URL: databases.order,
      REDIS_URL: redisUrl,
      MIGRATE_ON_START: 'true',
    });
    const main = await service('main', options.mainPort, {
      CATALOG_URL: catalog.url,
      ORDER_URL: order.url,
      REDIS_URL: redisUrl,
      S3_BUCKET: UPLOAD_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_CHECKSUM: 'WHEN_REQUIRED',
      AWS_REGION: s3.region,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      BREAKER_RESET_MS: String(options.breakerResetMs),
    });
    const frontend = options.web
      ? track(
          await startWebServer({
            root: options.webRoot ?? path.join(REPO, 'services/frontend/dist/web'),
            apiUrl: main.url,
            host: options.host,
            port: options.port,
          }),
        )
      : undefined;

    return {
      urls: {
        frontend: frontend?.url,
        api: `${frontend?.url ?? main.url}/api`,
        catalog: catalog.url,
        order: order.url,
        main: main.url,
        databases,
        redis: redisUrl,
        s3: s3.endpoint,
      },
      handles: { postgres, redis, s3, catalog, order, main, frontend },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
