import { startPostgresBehindProxy, waitUntil, type PostgresBehindProxy } from '@eks-sre-lab/harness';
import type { ProductDto } from '../src/products/dto';
import { api, sampleProduct, startCatalog, type JsonResponse, type RunningCatalog } from './support/catalog';

// Our own PostgreSQL (this test restarts it), reached through a TCP proxy that can cut it off.
let db: PostgresBehindProxy;
let running: RunningCatalog;

beforeAll(async () => {
  db = await startPostgresBehindProxy('catalog');
  running = await startCatalog({ DATABASE_URL: db.url, DB_CONNECT_TIMEOUT_MS: '1000' });
});

afterAll(async () => {
  await running.close();
  await db.stop();
});

interface Readiness {
  checks: Record<string, { status: string }>;
}

function expectOutage(reply: JsonResponse<Record<string, unknown>>): void {
  expect(reply.status).toBe(503);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.headers.get('retry-after')).toBe('5');
  expect(reply.body.detail).toMatch(/postgres unavailable/);
}

const categoriesOk = async () => (await api(running.url, 'GET', '/catalog/categories')).status === 200;

describe('PostgreSQL connection lost', () => {
  it('answers 503 problem+json with Retry-After, reports unready, and recovers when it returns', async () => {
    const created = await api<ProductDto>(running.url, 'POST', '/catalog/products', sampleProduct);
    expect(created.status).toBe(201);

    await db.proxy.setDown(true); // open connections reset, new ones refused
    expectOutage(await api(running.url, 'GET', '/catalog/categories'));
    expectOutage(await api(running.url, 'GET', `/catalog/products/${created.body.id + 1000}`));
    expectOutage(await api(running.url, 'POST', '/catalog/products', sampleProduct));
    const ready = await api<Readiness>(running.url, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.postgres?.status).toBe('down');
    expect(ready.body.checks.redis?.status).toBe('up');

    await db.proxy.setDown(false);
    await waitUntil(categoriesOk, { what: 'PostgreSQL reachable again', timeoutMs: 15_000 });
    expect((await api(running.url, 'GET', '/readyz')).status).toBe(200);
    expect((await api(running.url, 'POST', '/catalog/products', sampleProduct)).status).toBe(201);
  });

  it('answers 503 (never 500) while PostgreSQL restarts, then 200 again', async () => {
    expect(await categoriesOk()).toBe(true); // pool connections open before the restart
    const statuses: number[] = [];
    let restarting = true;
    const restart = db.postgres.restart().finally(() => {
      restarting = false;
    });
    while (restarting) {
      const reply = await api(running.url, 'GET', '/catalog/categories');
      statuses.push(reply.status);
      if (reply.status !== 200) expectOutage(reply);
    }
    await restart;
    expect(statuses).toContain(503);
    await waitUntil(categoriesOk, { what: 'PostgreSQL reachable again', timeoutMs: 15_000 });
    expect((await api(running.url, 'GET', '/readyz')).status).toBe(200);
  });
});
