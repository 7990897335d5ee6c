import { randomBytes } from 'node:crypto';
import { parseConfig } from '@eks-sre-lab/kit';
import { testDatabase } from '@eks-sre-lab/harness';
import { createCatalog, type Catalog } from '../../src/app';
import { catalogConfigSchema } from '../../src/config';

export interface RunningCatalog {
  catalog: Catalog;
  url: string;
  /** Key prefix of this catalog's Redis keys (unique per test file: files share one Redis). */
  keyPrefix: string;
  /** SQL statements sent so far (db_queries_total). */
  queries(): Promise<number>;
  metric(name: string): Promise<number>;
  close(): Promise<void>;
}

async function sum(catalog: Catalog, name: string): Promise<number> {
  const metric = catalog.service.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values.reduce((total, { value }) => total + value, 0);
}

/** A catalog on a fresh database (migrated at start), listening on a free loopback port. */
export async function startCatalog(env: Record<string, string> = {}): Promise<RunningCatalog> {
  const keyPrefix = `catalog-test:${randomBytes(4).toString('hex')}:`;
  const config = parseConfig(catalogConfigSchema, {
    DATABASE_URL: await testDatabase('catalog'),
    REDIS_URL: process.env.REDIS_URL,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    MIGRATE_ON_START: 'true',
    REDIS_KEY_PREFIX: keyPrefix,
    SHUTDOWN_DRAIN_MS: '1000',
    ...env,
  });
  const catalog = await createCatalog(config);
  const { port } = await catalog.service.listen();
  return {
    catalog,
    url: `http://127.0.0.1:${port}`,
    keyPrefix,
    queries: () => sum(catalog, 'db_queries_total'),
    metric: (name) => sum(catalog, name),
    close: async () => {
      await catalog.service.shutdown();
    },
  };
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch + JSON, for tests: `api(base, 'POST', '/catalog/products', {...})`. */
export async function api<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export const sampleProduct = {
  name: 'Test Widget',
  description: 'A widget for tests',
  price: '19.99',
  stockQuantity: 10,
  imageUrl: 'https://images.test/widget.jpg',
};
