import { call, createOrder, type OrderBody, sampleOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

let svc: RunningOrderApp;

beforeAll(async () => {
  svc = await startOrderApp();
});
afterAll(async () => {
  await svc.stop();
});

describe('order API', () => {
  it('creates an order: 201, Location, computed totals as strings, items', async () => {
    const reply = await call<OrderBody>(svc.url, 'POST', '/orders', sampleOrder());
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/orders/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      userId: 'user-1',
      status: 'pending',
      totalAmount: '59.97',
      shippingAddress: '1 Test Street, Seoul',
      items: [{ productId: 1, quantity: 3, unitPrice: '19.99', totalPrice: '59.97' }],
    });
    expect(Date.parse(reply.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const fetched = await call<OrderBody>(svc.url, 'GET', `/orders/${reply.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(reply.body);
  });

  it('answers 404 problem+json for an order that does not exist', async () => {
    const reply = await call(svc.url, 'GET', '/orders/999999');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.detail).toBe('order 999999 does not exist');
  });

  it('lists a user’s orders newest first with the total count and paging', async () => {
    const user = 'pager-user';
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push((await createOrder(svc.url, { userId: user })).id);
    await createOrder(svc.url, { userId: 'someone-else' });

    const first = await call<{ orders: OrderBody[]; total: number; limit: number; offset: number }>(
      svc.url,
      'GET',
      `/orders/user/${user}?limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(5);
    expect(first.body.limit).toBe(2);
    expect(first.body.orders.map((o) => o.id)).toEqual([made[4], made[3]]);
    expect(first.body.orders[0]?.items).toHaveLength(1);

    const last = await call<{ orders: OrderBody[]; total: number }>(
      svc.url,
      'GET',
      `/orders/user/${user}?limit=2&offset=4`,
    );
    expect(last.body.orders.map((o) => o.id)).toEqual([made[0]]);

    const none = await call<{ orders: OrderBody[]; total: number }>(svc.url, 'GET', '/orders/user/nobody');
    expect(none.body).toEqual({ orders: [], total: 0, limit: 20, offset: 0 });
  });
});
