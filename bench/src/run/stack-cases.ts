import { freePort } from '@eks-sre-lab/harness';
import { startNodeService, startStack, type Stack } from '@eks-sre-lab/stack';
import type { BenchCase } from './cases';
import { insertBenchProducts } from './bench-product';

/** Ids the miss case cycles over: one cycle takes longer than the miss catalog's 1 s cache TTL. */
export const CACHE_MISS_IDS = 20_000;

export interface StackCaseOptions {
  log: (line: string) => void;
  /** Services' LOG_LEVEL (the stack's default is warn; production logs access lines at info). */
  logLevel?: string;
}

/** Starts the same stack as `npm start` and builds the cases that measure it. */
export async function startStackCases(
  o: StackCaseOptions,
): Promise<{ cases: BenchCase[]; stack: Stack; stop(): Promise<void> }> {
  o.log('starting the stack (startStack: PostgreSQL, Redis, S3, catalog, order, main)');
  const levels: Record<string, string> = o.logLevel ? { LOG_LEVEL: o.logLevel } : {};
  // No sample catalogue: the bench inserts its own rows (below).
  const stack = await startStack({
    port: 0,
    seed: false,
    web: false,
    env: { catalog: levels, order: levels, main: levels },
  });
  const { urls, handles } = stack;
  const pid = (h: { pid: number | undefined }) => (h.pid ? [h.pid] : []);
  const product = await insertBenchProducts(urls.databases.catalog, CACHE_MISS_IDS);
  // Same code, database and Redis as the stack's catalog, with the smallest cache TTL (1 s) and its own
  // key prefix; the ids cycle over more products than it can read in 1 s, so every read misses.
  const missCatalog = await startNodeService({
    ...handles.catalog.options,
    name: 'catalog-miss',
    port: await freePort(),
    env: {
      ...handles.catalog.options.env,
      LOG_LEVEL: o.logLevel ?? 'warn',
      CACHE_TTL_SECONDS: '1',
      REDIS_KEY_PREFIX: 'bench-miss:',
    },
  });
  const cases: BenchCase[] = [
    {
      id: 'catalog-product-hit',
      title: 'catalog GET /catalog/products/:id (cache hit)',
      note: `one product id, so every request after the first is answered from the Redis cache.`,
      spec: { url: `${urls.catalog}/catalog/products/${product.id}` },
      serverPids: () => pid(handles.catalog),
    },
    {
      id: 'catalog-product-miss',
      title: 'catalog GET /catalog/products/:id (cache miss)',
      note:
        `a second catalog process (same code, database and Redis; \`CACHE_TTL_SECONDS=1\`, own key prefix) ` +
        `read over ${CACHE_MISS_IDS.toLocaleString('en')} product ids in turn: a cycle lasts longer than the ` +
        '1 s TTL, so every read goes to PostgreSQL and fills the cache again.',
      spec: { url: `${missCatalog.url}/catalog/products/:id`, pathIds: product.missIds },
      serverPids: () => pid(missCatalog),
    },
    {
      id: 'gateway-product',
      title: 'gateway GET /api/products/:id',
      note: 'gateway → catalog (breaker, keep-alive pool) → Redis cache hit.',
      spec: { url: `${urls.main}/api/products/${product.id}` },
      serverPids: () => [...pid(handles.main), ...pid(handles.catalog)],
    },
    {
      id: 'gateway-products-list',
      title: 'gateway GET /api/products?limit=20',
      spec: { url: `${urls.main}/api/products?limit=20` },
      serverPids: () => [...pid(handles.main), ...pid(handles.catalog)],
    },
    {
      id: 'gateway-create-order',
      title: 'gateway POST /api/orders',
      note:
        'a fresh `Idempotency-Key` per request (wrk Lua / autocannon setupRequest); one item of a bench ' +
        `product created with ${product.stock.toLocaleString('en')} in stock; gateway → catalog price + ` +
        'reserve → order (transaction + outbox).',
      spec: {
        url: `${urls.main}/api/orders`,
        method: 'POST',
        body: JSON.stringify({
          userId: 'bench-user',
          items: [{ productId: product.id, quantity: 1 }],
          shippingAddress: '1 Bench Street, Loopback City',
        }),
        uniqueIdempotencyKey: true,
      },
      serverPids: () => [...pid(handles.main), ...pid(handles.catalog), ...pid(handles.order)],
    },
  ];
  return {
    cases,
    stack,
    async stop() {
      await missCatalog.stop();
      await stack.stop();
    },
  };
}
