import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startTcpProxy, waitUntil, type TcpProxyHandle } from '@eks-sre-lab/harness';
import { createProduct, startDownstream } from '../support/downstreams';
import { call, startGateway, type GatewayHandle } from '../support/gateway';
import { openEventStream } from '../support/sse';

jest.setTimeout(60_000);

type Service = Awaited<ReturnType<typeof startDownstream>>;
let catalog: Service;
let order: Service;
let orderProxy: TcpProxyHandle;
let gateway: GatewayHandle;

beforeAll(async () => {
  [catalog, order] = await Promise.all([startDownstream('catalog'), startDownstream('order')]);
  // The gateway reaches order through a proxy the tests can take down after stock was reserved.
  orderProxy = await startTcpProxy({ targetPort: Number(new URL(order.url).port) });
  gateway = await startGateway({
    CATALOG_URL: catalog.url,
    ORDER_URL: `http://127.0.0.1:${orderProxy.port}`,
    RETRY_MAX_RETRIES: '0',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await orderProxy?.stop();
  await Promise.all([catalog?.stop(), order?.stop()]);
});

const stockOf = async (id: number) =>
  (await call(`${gateway.url}/api/products/${id}`)).body.stockQuantity as number;
const newProduct = (stockQuantity: number, price = '19.99') =>
  createProduct(catalog.url, { name: `p-${randomUUID().slice(0, 8)}`, price, stockQuantity });
const placeOrder = (body: unknown, key?: string) =>
  call(`${gateway.url}/api/orders`, { method: 'POST', body, headers: key ? { 'idempotency-key': key } : {} });

describe('catalog reads through the gateway', () => {
  it('relays a product, the list and the categories, and passes a 404 through as problem+json', async () => {
    const id = await newProduct(7, '12.50');
    const product = await call(`${gateway.url}/api/products/${id}`);
    expect(product.status).toBe(200);
    expect(product.body).toMatchObject({ id, price: '12.50', stockQuantity: 7 });

    const list = await call(`${gateway.url}/api/products?limit=100&offset=0`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: number }) => p.id)).toContain(id);

    expect((await call(`${gateway.url}/api/categories`)).status).toBe(200);

    const missing = await call(`${gateway.url}/api/products/987654`);
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });
});

describe('POST /api/orders', () => {
  it('prices from catalog, reserves stock, stores the order and relays its status events', async () => {
    const [a, b] = await Promise.all([newProduct(10, '19.99'), newProduct(5, '2.50')]);
    const stream = await openEventStream(`${gateway.url}/api/events`);
    try {
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      const created = await placeOrder({
        userId: 'alice',
        items: [
          { productId: a, quantity: 2 },
          { productId: b, quantity: 1 },
        ],
        shippingAddress: '1 Test Street, Seoul',
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('idempotency-key')).toBeTruthy();
      const orderId = created.body.id;
      expect(created.body.userId).toBe('alice');

      expect(await stockOf(a)).toBe(8);
      expect(await stockOf(b)).toBe(4);

      const stored = await call(`${gateway.url}/api/orders/${orderId}`);
      expect(stored.status).toBe(200);
      expect(stored.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ productId: a, quantity: 2, unitPrice: '19.99' }),
          expect.objectContaining({ productId: b, quantity: 1, unitPrice: '2.50' }),
        ]),
      );
      const mine = await call(`${gateway.url}/api/orders?userId=alice`);
      expect(mine.body.orders.map((o: { id: number }) => o.id)).toContain(orderId);

      // A status change in the order service reaches the SSE client through Redis pub/sub.
      const changed = await call(`${order.url}/orders/${orderId}/status`, {
        method: 'PUT',
        body: { status: 'paid' },
      });
      expect(changed.status).toBe(200);
      const paid = () =>
        stream.events.find((e) => {
          const data = e.data as { orderId: unknown; to: unknown };
          return data.orderId === orderId && data.to === 'paid';
        });
      await waitUntil(async () => paid() !== undefined, {
        what: 'the paid event on /api/events',
        timeoutMs: 10_000,
      });
      expect(paid()).toMatchObject({
        event: 'order-status',
        data: { orderId, userId: 'alice', from: 'pending' },
      });
      expect(paid()!.id).toBe((paid()!.data as { eventId: string }).eventId);
    } finally {
      await stream.close();
    }
    const status = await call(`${gateway.url}/api/status`);
    expect(status.body.breakers.catalog.state).toBe('closed');
    expect(status.body.routes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ route: 'POST /api/orders', requests: expect.any(Number) }),
      ]),
    );
  });

  it('a retry with the same Idempotency-Key replays the order and reserves stock once', async () => {
    const id = await newProduct(10);
    const key = randomUUID();
    const body = { userId: 'bob', items: [{ productId: id, quantity: 3 }], shippingAddress: 'Busan' };
    const first = await placeOrder(body, key);
    const again = await placeOrder(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200); // a replay, as the order service answers one
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await stockOf(id)).toBe(7);

    const other = await placeOrder({ ...body, shippingAddress: 'Daegu' }, key);
    expect(other.status).toBe(409);
    expect(other.type).toContain('application/problem+json');
    expect(await stockOf(id)).toBe(7);
  });

  it('reserves once even when the gateway lost its key record (the order service replays)', async () => {
    const id = await newProduct(10);
    const key = randomUUID();
    const body = { userId: 'heidi', items: [{ productId: id, quantity: 2 }], shippingAddress: 'Suwon' };
    const first = await placeOrder(body, key);
    expect(first.status).toBe(201);
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      expect(await redis.del(`main:idem:${key}`)).toBe(1);
    } finally {
      redis.disconnect();
    }
    const again = await placeOrder(body, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await stockOf(id)).toBe(8); // the second attempt's reservation was released
  });

  it('releases the reservation when the order service fails after stock was reserved', async () => {
    const id = await newProduct(6);
    const key = randomUUID();
    const body = { userId: 'carol', items: [{ productId: id, quantity: 4 }], shippingAddress: 'Incheon' };
    await orderProxy.setDown(true);
    try {
      const failed = await placeOrder(body, key);
      expect(failed.status).toBe(502);
      expect(failed.type).toContain('application/problem+json');
    } finally {
      await orderProxy.setDown(false);
    }
    expect(await stockOf(id)).toBe(6);

    // The failed attempt gave the key up: the retry places the order, reserving exactly once.
    const retried = await placeOrder(body, key);
    expect(retried.status).toBe(201);
    expect(await stockOf(id)).toBe(2);
  });

  it('answers 409 on insufficient stock and releases what was already reserved', async () => {
    const [plenty, scarce] = await Promise.all([newProduct(10), newProduct(1)]);
    const res = await placeOrder({
      userId: 'dave',
      items: [
        { productId: plenty, quantity: 3 },
        { productId: scarce, quantity: 2 },
      ],
      shippingAddress: 'Gwangju',
    });
    expect(res.status).toBe(409);
    expect(res.type).toContain('application/problem+json');
    expect(await stockOf(plenty)).toBe(10);
    expect(await stockOf(scarce)).toBe(1);
  });

  it('answers 422 for a product that does not exist, reserving nothing', async () => {
    const id = await newProduct(4);
    const res = await placeOrder({
      userId: 'erin',
      items: [
        { productId: id, quantity: 1 },
        { productId: 99_999_999, quantity: 1 },
      ],
      shippingAddress: 'Ulsan',
    });
    expect(res.status).toBe(422);
    expect(await stockOf(id)).toBe(4);
  });

  it('takes the user from the session when logged in', async () => {
    const id = await newProduct(3);
    const login = await call(`${gateway.url}/api/session`, { method: 'POST', body: { userId: 'frank' } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await call(`${gateway.url}/api/orders`, {
      method: 'POST',
      body: { items: [{ productId: id, quantity: 1 }], shippingAddress: 'Jeju' },
      headers: { cookie },
    });
    expect(res.status).toBe(201);
    expect(res.body.userId).toBe('frank');
    const mine = await call(`${gateway.url}/api/orders`, { headers: { cookie } });
    expect(mine.body.orders.map((o: { id: number }) => o.id)).toEqual([res.body.id]);
    const spoof = await call(`${gateway.url}/api/orders`, {
      method: 'POST',
      body: { userId: 'mallory', items: [{ productId: id, quantity: 1 }], shippingAddress: 'Jeju' },
      headers: { cookie },
    });
    expect(spoof.status).toBe(403);
  });
});

describe('GET /api/health', () => {
  it('reports every dependency up with its latency', async () => {
    const res = await call(`${gateway.url}/api/health`);
    expect(res.status).toBe(200);
    for (const name of ['catalog', 'order', 'redis']) {
      expect(res.body.dependencies[name]).toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
    }
  });
});
