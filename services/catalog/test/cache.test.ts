import { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CacheAside } from '../src/cache/cache-aside';
import { createCatalogMetrics } from '../src/metrics';
import type { ProductDto, ProductPage } from '../src/products/dto';
import { api, sampleProduct, startCatalog, type RunningCatalog } from './support/catalog';

let running: RunningCatalog;
let redis: Redis;

beforeAll(async () => {
  // A generous Redis timeout: on a loaded CI machine a 100-request burst can delay replies, and a timed-out
  // cache read (degraded mode, no generation) would legitimately start its own database query.
  running = await startCatalog({ CACHE_TTL_SECONDS: '120', REDIS_COMMAND_TIMEOUT_MS: '5000' });
  redis = new Redis(process.env.REDIS_URL ?? '');
});

afterAll(async () => {
  redis.disconnect();
  await running.close();
});

async function create(fields: Record<string, unknown> = {}): Promise<ProductDto> {
  const response = await api<ProductDto>(running.url, 'POST', '/catalog/products', {
    ...sampleProduct,
    ...fields,
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** Runs `fn` and returns how many SQL statements it caused. */
async function queriesDuring(fn: () => Promise<unknown>): Promise<number> {
  const before = await running.queries();
  await fn();
  return (await running.queries()) - before;
}

const getProduct = (id: number) => api<ProductDto>(running.url, 'GET', `/catalog/products/${id}`);

describe('product by id', () => {
  it('misses once, then answers from Redis without touching PostgreSQL', async () => {
    const { id } = await create();
    const hits = await running.metric('cache_hits_total');
    expect(await queriesDuring(() => getProduct(id))).toBe(1);
    const stored = await redis.get(`${running.keyPrefix}product:${id}:g1:`);
    expect(JSON.parse(stored ?? 'null')).toMatchObject({ id, price: '19.99' });
    expect(await redis.ttl(`${running.keyPrefix}product:${id}:g1:`)).toBeGreaterThan(100);
    expect(await queriesDuring(() => getProduct(id))).toBe(0);
    expect(await running.metric('cache_hits_total')).toBe(hits + 1);
  });

  it('a write bumps the generation, so the next read is fresh', async () => {
    const { id } = await create();
    await getProduct(id);
    const put = await api(running.url, 'PUT', `/catalog/products/${id}`, {
      ...sampleProduct,
      price: '21.50',
    });
    expect(put.status).toBe(200);
    expect(await redis.get(`${running.keyPrefix}gen:product:${id}`)).toBe('2');
    expect((await getProduct(id)).body.price).toBe('21.50');

    await api(running.url, 'POST', `/catalog/products/${id}/reserve`, { quantity: 3 });
    expect((await getProduct(id)).body.stockQuantity).toBe(7);
    await api(running.url, 'POST', `/catalog/products/${id}/release`, { quantity: 1 });
    expect((await getProduct(id)).body.stockQuantity).toBe(8);
    await fetch(`${running.url}/catalog/products/${id}`, { method: 'DELETE' });
    expect((await getProduct(id)).status).toBe(404);
  });

  it('100 concurrent reads of an uncached id cause exactly 1 database query', async () => {
    const { id } = await create();
    const errors = await running.metric('cache_errors_total');
    const count = await queriesDuring(async () => {
      const responses = await Promise.all(Array.from({ length: 100 }, () => getProduct(id)));
      expect(responses.every((r) => r.status === 200 && r.body.id === id)).toBe(true);
    });
    expect(count).toBe(1);
    expect(await running.metric('cache_errors_total')).toBe(errors);
  });
});

describe('list pages', () => {
  const list = (query: string) => api<ProductPage>(running.url, 'GET', `/catalog/products${query}`);

  it('are cached per query and invalidated by every product write', async () => {
    const query = '?q=Lamp&sort=-price';
    await create({ name: 'Desk Lamp', price: '30.00' });
    expect(await queriesDuring(() => list(query))).toBeGreaterThan(0);
    expect(await queriesDuring(() => list(query))).toBe(0);
    expect(await queriesDuring(() => list('?q=Lamp&sort=price'))).toBeGreaterThan(0); // its own entry

    const lamp = await create({ name: 'Floor Lamp', price: '80.00' });
    const afterCreate = await list(query);
    expect(afterCreate.body.items.map((p) => p.name)).toEqual(['Floor Lamp', 'Desk Lamp']);

    await api(running.url, 'PUT', `/catalog/products/${lamp.id}`, {
      ...sampleProduct,
      name: 'Floor Lamp',
      price: '10.00',
    });
    expect((await list(query)).body.items.map((p) => p.price)).toEqual(['30.00', '10.00']);

    await api(running.url, 'POST', `/catalog/products/${lamp.id}/reserve`, { quantity: 10 });
    expect((await list(query)).body.items[1]?.stockQuantity).toBe(0);

    await fetch(`${running.url}/catalog/products/${lamp.id}`, { method: 'DELETE' });
    expect((await list(query)).body).toMatchObject({ total: 1, items: [{ name: 'Desk Lamp' }] });
  });
});

describe('cache-aside races (real Redis)', () => {
  function cacheAside(): CacheAside {
    const metrics = createCatalogMetrics(new Registry());
    const keyPrefix = `${running.keyPrefix}race:`;
    return new CacheAside({
      redis: running.catalog.redis,
      metrics,
      logger: pino({ level: 'silent' }),
      ttlSeconds: 60,
      keyPrefix,
    });
  }

  function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
    let open!: (value: T) => void;
    const promise = new Promise<T>((resolve) => (open = resolve));
    return { promise, open };
  }

  const key = { cache: 'product', namespace: 'product:1', entry: '' };

  it('a read that loaded old data before a write cannot re-populate the cache after it', async () => {
    const cache = cacheAside();
    const slow = gate<string>();
    const staleRead = cache.get(key, () => slow.promise); // reads "old" rows...
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.invalidate(['product:1']); // ...a write commits and invalidates...
    slow.open('old'); // ...then the old rows come back
    expect(await staleRead).toBe('old');

    const fresh = jest.fn(async () => 'new');
    expect(await cache.get(key, fresh)).toBe('new');
    expect(fresh).toHaveBeenCalledTimes(1);
    expect(await cache.get(key, fresh)).toBe('new'); // now cached
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('a read that starts after a write never joins a flight that started before it', async () => {
    const cache = cacheAside();
    await cache.invalidate(['product:1']);
    const slow = gate<string>();
    const before = cache.get(key, () => slow.promise);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.invalidate(['product:1']);
    const after = cache.get(key, async () => 'new');
    expect(await after).toBe('new');
    slow.open('old');
    expect(await before).toBe('old');
    expect(await cache.get(key, async () => 'unused')).toBe('new');
  });
});
