import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startRedis, waitUntil, type RedisHandle } from '@eks-sre-lab/harness';
import { createProduct, startDownstream } from '../support/downstreams';
import { call, startGateway, type GatewayHandle } from '../support/gateway';
import { openEventStream } from '../support/sse';

jest.setTimeout(60_000);

type Service = Awaited<ReturnType<typeof startDownstream>>;
let redis: RedisHandle; // the gateway's own Redis: this test stops it
let catalog: Service;
let gateway: GatewayHandle;
let productId: number;

beforeAll(async () => {
  redis = await startRedis();
  catalog = await startDownstream('catalog');
  productId = await createProduct(catalog.url, { name: 'redis-down probe', price: '2.50', stockQuantity: 3 });
  gateway = await startGateway({
    REDIS_URL: redis.url,
    CATALOG_URL: catalog.url,
    ORDER_URL: 'http://127.0.0.1:9',
    SSE_HEARTBEAT_MS: '200',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await catalog?.stop();
  await redis?.stop();
});

const readyz = () => call(`${gateway.url}/readyz`);
const login = (userId: string) => call(`${gateway.url}/api/session`, { method: 'POST', body: { userId } });

function expectStoreDown(res: Awaited<ReturnType<typeof call>>): void {
  expect(res.status).toBe(503);
  expect(res.type).toContain('application/problem+json');
  expect(res.headers.get('retry-after')).toBe('5');
  expect(res.body.detail).toMatch(/session store/);
}

it('stays ready (redis degraded) and serves products; sessions 503; the event stream resumes', async () => {
  const before = await login('ada');
  expect(before.status).toBe(201);
  const cookie = before.headers.get('set-cookie')!.split(';')[0]!;

  await redis.stop();
  const ready = await readyz();
  expect(ready.status).toBe(200);
  expect(ready.body.checks.redis.status).toBe('degraded');
  const product = await call(`${gateway.url}/api/products/${productId}`);
  expect(product.status).toBe(200);
  expect(product.body.price).toBe('2.50');
  expect((await call(`${gateway.url}/api/categories`)).status).toBe(200);

  expectStoreDown(await login('grace'));
  expectStoreDown(await call(`${gateway.url}/api/session`, { headers: { cookie } }));
  expectStoreDown(await call(`${gateway.url}/api/session`, { method: 'DELETE', headers: { cookie } }));
  const orderKey = randomUUID();
  const order = await call(`${gateway.url}/api/orders`, {
    method: 'POST',
    headers: { 'idempotency-key': orderKey },
    body: { userId: 'ada', items: [{ productId, quantity: 1 }], shippingAddress: '1 Test Street' },
  });
  expect(order.status).toBe(503);
  expect(order.headers.get('retry-after')).toBe('5');
  expect(order.body.detail).toMatch(/idempotency store \(Redis\)/);

  // A client connecting during the outage gets its stream (heartbeats) while the gateway retries SUBSCRIBE.
  const stream = await openEventStream(`${gateway.url}/api/events`);
  try {
    expect(stream.response.status).toBe(200);
    await waitUntil(async () => stream.comments.some((c) => c.startsWith('heartbeat')), {
      what: 'a heartbeat during the outage',
      timeoutMs: 5_000,
    });

    await redis.start();
    await waitUntil(async () => (await readyz()).body.checks.redis.status === 'up', {
      what: 'redis up again',
      timeoutMs: 15_000,
    });
    const publisher = new Redis(redis.url);
    try {
      const channelSubscribers = async () =>
        ((await publisher.pubsub('NUMSUB', 'orders.status')) as [string, number])[1];
      await waitUntil(async () => (await channelSubscribers()) === 1, {
        what: 'the gateway subscribed again',
        timeoutMs: 10_000,
      });
      const event = { eventId: randomUUID(), orderId: 1, userId: 'ada', from: 'pending', to: 'paid' };
      await publisher.publish('orders.status', JSON.stringify(event));
      await waitUntil(async () => stream.events.length === 1, { what: 'the event', timeoutMs: 5_000 });
      expect(stream.events[0]).toEqual({ event: 'order-status', id: event.eventId, data: event });
      // The order refused during the outage left nothing behind: no command of it ran once Redis was
      // back (a queued SET NX used to leave the key "pending", and retries got 409 for a minute).
      expect(await publisher.exists(`main:idem:${orderKey}`)).toBe(0);
    } finally {
      publisher.disconnect();
    }
  } finally {
    await stream.close();
  }
  expect((await login('grace')).status).toBe(201);
});
