import { startPostgresBehindProxy, waitUntil, type PostgresBehindProxy } from '@eks-sre-lab/harness';
import { call, createOrder, sampleOrder, type Reply } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

// Our own PostgreSQL (this test restarts it), reached through a TCP proxy that can cut it off.
let db: PostgresBehindProxy;
let running: RunningOrderApp;

beforeAll(async () => {
  db = await startPostgresBehindProxy('order');
  running = await startOrderApp({ DATABASE_URL: db.url });
});

afterAll(async () => {
  await running.stop();
  await db.stop();
});

function expectOutage(reply: Reply): void {
  expect(reply.status).toBe(503);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.headers.get('retry-after')).toBe('5');
  expect(reply.body.detail).toMatch(/postgres unavailable/);
}

describe('PostgreSQL connection lost', () => {
  it('answers 503 problem+json with Retry-After, reports unready, and recovers when it returns', async () => {
    const order = await createOrder(running.url);
    const readOk = async () => (await call(running.url, 'GET', `/orders/${order.id}`)).status === 200;

    await db.proxy.setDown(true); // open connections reset, new ones refused
    expectOutage(await call(running.url, 'GET', `/orders/${order.id}`));
    expectOutage(await call(running.url, 'POST', '/orders', sampleOrder()));
    expectOutage(await call(running.url, 'PUT', `/orders/${order.id}/status`, { status: 'paid' }));
    const ready = await call<{ checks: Record<string, { status: string }> }>(running.url, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.postgres?.status).toBe('down');

    await db.proxy.setDown(false);
    await waitUntil(readOk, { what: 'PostgreSQL reachable again', timeoutMs: 15_000 });
    expect((await call(running.url, 'GET', '/readyz')).status).toBe(200);
    expect((await call(running.url, 'PUT', `/orders/${order.id}/status`, { status: 'paid' })).status).toBe(
      200,
    );
  });

  it('answers 503 (never 500) while PostgreSQL restarts, then 200 again', async () => {
    const order = await createOrder(running.url); // pool connections open before the restart
    const statuses: number[] = [];
    let restarting = true;
    const restart = db.postgres.restart().finally(() => {
      restarting = false;
    });
    while (restarting) {
      const reply = await call(running.url, 'GET', `/orders/${order.id}`);
      statuses.push(reply.status);
      if (reply.status !== 200) expectOutage(reply);
    }
    await restart;
    expect(statuses).toContain(503);
    await waitUntil(async () => (await call(running.url, 'GET', `/orders/${order.id}`)).status === 200, {
      what: 'PostgreSQL reachable again',
      timeoutMs: 15_000,
    });
    expect((await call(running.url, 'GET', '/readyz')).status).toBe(200);
  });
});
