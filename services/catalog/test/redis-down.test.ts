import { startRedis, type RedisHandle } from '@eks-sre-lab/harness';
import type { ProductDto } from '../src/products/dto';
import { api, sampleProduct, startCatalog, type RunningCatalog } from './support/catalog';

let redis: RedisHandle;
let running: RunningCatalog;

beforeAll(async () => {
  redis = await startRedis(); // our own Redis: this test stops it
  running = await startCatalog({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '200' });
});

afterAll(async () => {
  await running.close();
  await redis.stop();
});

interface Readiness {
  status: string;
  checks: Record<string, { status: string }>;
}

describe('Redis stopped during the test', () => {
  it('keeps answering from PostgreSQL, counts cache errors, stays ready (degraded), recovers', async () => {
    const created = await api<ProductDto>(running.url, 'POST', '/catalog/products', sampleProduct);
    const id = created.body.id;
    expect((await api(running.url, 'GET', `/catalog/products/${id}`)).status).toBe(200); // cached now

    await redis.stop();
    const errorsBefore = await running.metric('cache_errors_total');
    for (let i = 0; i < 5; i++) {
      const read = await api<ProductDto>(running.url, 'GET', `/catalog/products/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.price).toBe('19.99');
    }
    expect((await api(running.url, 'GET', '/catalog/products?limit=5')).status).toBe(200);
    const put = await api<ProductDto>(running.url, 'PUT', `/catalog/products/${id}`, {
      ...sampleProduct,
      price: '7.25',
    });
    expect(put.status).toBe(200);
    expect((await api<ProductDto>(running.url, 'GET', `/catalog/products/${id}`)).body.price).toBe('7.25');
    expect(await running.metric('cache_errors_total')).toBeGreaterThanOrEqual(errorsBefore + 7);

    const ready = await api<Readiness>(running.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.redis?.status).toBe('degraded');
    expect(ready.body.checks.postgres?.status).toBe('up');
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/^cache_errors_total\{operation="read"\} [1-9]/m);

    await redis.start();
    await waitFor(
      async () => (await api<Readiness>(running.url, 'GET', '/readyz')).body.checks.redis?.status === 'up',
    );
    const hits = await running.metric('cache_hits_total');
    await api(running.url, 'GET', `/catalog/products/${id}`);
    const again = await api<ProductDto>(running.url, 'GET', `/catalog/products/${id}`);
    expect(again.body.price).toBe('7.25');
    expect(await running.metric('cache_hits_total')).toBe(hits + 1);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
