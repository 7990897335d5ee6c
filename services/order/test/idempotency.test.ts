import { call, type OrderBody, sampleOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

let svc: RunningOrderApp;

beforeAll(async () => {
  svc = await startOrderApp();
});
afterAll(async () => {
  await svc.stop();
});

const post = (body: unknown, key: string) =>
  call<OrderBody>(svc.url, 'POST', '/orders', body, { 'idempotency-key': key });

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const rows: { count: number }[] = await svc.app.dataSource.query(sql, params);
  return rows[0]?.count ?? -1;
}

describe('Idempotency-Key on POST /orders', () => {
  it('20 concurrent identical POSTs with one key make exactly one order', async () => {
    const userId = 'idem-race';
    const body = sampleOrder({ userId });
    const replies = await Promise.all(Array.from({ length: 20 }, () => post(body, 'race-key-0001')));

    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(19);
    const ids = new Set(replies.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await count('SELECT count(*)::int AS count FROM orders WHERE user_id = $1', [userId])).toBe(1);
    const [id] = [...ids];
    expect(
      await count('SELECT count(*)::int AS count FROM outbox_events WHERE aggregate_id = $1', [id]),
    ).toBe(1);
  });

  it('replays for the same body in another key order and price spelling; 409 for a different body', async () => {
    const first = await post(sampleOrder({ userId: 'idem-a' }), 'key-same-body');
    expect(first.status).toBe(201);
    const reordered = {
      shippingAddress: '1 Test Street, Seoul',
      items: [{ unitPrice: 19.99, quantity: 3, productId: 1 }],
      userId: 'idem-a',
    };
    const replay = await post(reordered, 'key-same-body');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('location')).toBe(`/orders/${first.body.id}`);
    expect(replay.body).toEqual(first.body);

    const other = await post(
      sampleOrder({ userId: 'idem-a', shippingAddress: 'elsewhere' }),
      'key-same-body',
    );
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body.detail).toContain('different request body');
  });

  it('keeps keys with a 24 h expiry; an expired key starts over and the cleanup deletes expired keys', async () => {
    const first = await post(sampleOrder({ userId: 'idem-exp' }), 'key-expiring');
    const hours: { hours: number }[] = await svc.app.dataSource.query(
      `SELECT round(EXTRACT(EPOCH FROM expires_at - created_at) / 3600)::int AS hours
       FROM idempotency_keys WHERE key = $1`,
      ['key-expiring'],
    );
    expect(hours[0]?.hours).toBe(24);

    await svc.app.dataSource.query(
      "UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1",
      ['key-expiring'],
    );
    const again = await post(
      sampleOrder({ userId: 'idem-exp', shippingAddress: 'new body is fine now' }),
      'key-expiring',
    );
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);

    await post(sampleOrder({ userId: 'idem-gone' }), 'key-to-clean');
    await svc.app.dataSource.query(
      "UPDATE idempotency_keys SET expires_at = now() - interval '1 hour' WHERE key = 'key-to-clean'",
    );
    const removed = await svc.app.cleanup.runOnce();
    expect(removed.idempotencyKeys).toBe(1);
    expect(
      await count("SELECT count(*)::int AS count FROM idempotency_keys WHERE key = 'key-to-clean'"),
    ).toBe(0);
  });

  it('creates a new order per request without a key', async () => {
    const a = await call<OrderBody>(svc.url, 'POST', '/orders', sampleOrder({ userId: 'no-key' }));
    const b = await call<OrderBody>(svc.url, 'POST', '/orders', sampleOrder({ userId: 'no-key' }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });
});
