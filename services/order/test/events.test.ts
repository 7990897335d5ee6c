import { startRedis, type RedisHandle } from '@eks-sre-lab/harness';
import { Redis } from 'ioredis';
import type { OrderStatusEvent } from '../src/outbox/events';
import type { OrderStatus } from '../src/orders/state-machine';
import { call, createOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';
import { subscribe, until, type Subscriber } from './support/subscriber';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const setStatus = (base: string, id: number, status: OrderStatus) =>
  call(base, 'PUT', `/orders/${id}/status`, { status }).then((reply) => {
    if (reply.status !== 200) throw new Error(`status ${status} answered ${reply.status}`);
  });

const eventsOf = (events: OrderStatusEvent[], orderId: number) => events.filter((e) => e.orderId === orderId);

/** from → to pairs of one order's events must chain: null→pending, pending→x, x→y ... */
function expectChained(events: OrderStatusEvent[]): void {
  events.forEach((event, i) => expect(event.from).toBe(i === 0 ? null : events[i - 1]!.to));
}

/**
 * The service and a subscriber on a Redis of their own: other test files publish on the run's Redis with
 * the same (per-database) order ids, and the outage test stops it.
 */
function withOwnRedis(): { redis: RedisHandle; svc: RunningOrderApp; sub: Subscriber } {
  const env = {} as { redis: RedisHandle; svc: RunningOrderApp; sub: Subscriber };
  beforeAll(async () => {
    env.redis = await startRedis();
    env.svc = await startOrderApp({ REDIS_URL: env.redis.url });
    env.sub = await subscribe(env.redis.url);
  });
  afterAll(async () => {
    await env.sub.close();
    await env.svc.stop();
    await env.redis.stop();
  });
  return env;
}

describe('status events through the outbox', () => {
  const env = withOwnRedis();

  it('publishes creation and every change of an order, in order, with the event shape', async () => {
    const { svc, sub } = env;
    const order = await createOrder(svc.url, { userId: 'events-user' });
    for (const status of ['paid', 'shipped', 'delivered'] as const)
      await setStatus(svc.url, order.id, status);

    await sub.waitFor((events) => eventsOf(events, order.id).length >= 4, 'four events');
    const mine = eventsOf(sub.unique(), order.id);
    expect(mine.map((e) => [e.from, e.to])).toEqual([
      [null, 'pending'],
      ['pending', 'paid'],
      ['paid', 'shipped'],
      ['shipped', 'delivered'],
    ]);
    for (const event of mine) {
      expect(Object.keys(event).sort()).toEqual(['at', 'eventId', 'from', 'orderId', 'to', 'userId']);
      expect(event.eventId).toMatch(UUID);
      expect(event.userId).toBe('events-user');
    }
    const times = mine.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Published first, marked sent at the relay's commit just after.
    await until(async () => {
      const rows: { unsent: number }[] = await svc.app.dataSource.query(
        'SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent FROM outbox_events WHERE aggregate_id = $1',
        [order.id],
      );
      return rows[0]?.unsent === 0;
    }, 'rows marked sent');
  });

  it('keeps per-order order with two replicas relaying the same outbox (SKIP LOCKED)', async () => {
    const { svc, sub, redis } = env;
    const second = await startOrderApp({
      DATABASE_URL: svc.databaseUrl,
      REDIS_URL: redis.url,
      OUTBOX_BATCH_SIZE: '2',
    });
    try {
      const replicas = [svc.url, second.url];
      const orders = await Promise.all(
        Array.from({ length: 8 }, (_, i) => createOrder(replicas[i % 2]!, { userId: `replica-${i}` })),
      );
      await Promise.all(
        orders.map(async (order, i) => {
          for (const status of ['paid', 'shipped', 'delivered'] as const) {
            await setStatus(replicas[(i + status.length) % 2]!, order.id, status);
          }
        }),
      );
      const ids = orders.map((o) => o.id);
      await sub.waitFor((events) => ids.every((id) => eventsOf(events, id).length >= 4), '32 events');
      for (const id of ids) {
        const mine = eventsOf(sub.unique(), id);
        expect(mine.map((e) => e.to)).toEqual(['pending', 'paid', 'shipped', 'delivered']);
        expectChained(mine);
      }
    } finally {
      await second.stop();
    }
  });
});

describe('Redis outage: events wait in PostgreSQL and go out when it returns', () => {
  const env = withOwnRedis();

  it('delivers all 10 changes made while Redis was down, none lost, none twice after dedupe', async () => {
    const { svc, sub, redis } = env;
    const orders = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createOrder(svc.url, { userId: `outage-${i}` })),
    );
    const ids = orders.map((o) => o.id);
    await sub.waitFor((events) => ids.every((id) => eventsOf(events, id).length === 1), 'creation events');

    await redis.stop();
    // 10 changes: three orders all the way to delivered, one cancelled.
    await Promise.all(
      ids.map(async (id, i) => {
        const steps: OrderStatus[] = i < 3 ? ['paid', 'shipped', 'delivered'] : ['cancelled'];
        for (const status of steps) await setStatus(svc.url, id, status);
      }),
    );
    const db = svc.app.dataSource;
    const outbox = async () =>
      (
        (await db.query(
          `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, COALESCE(max(attempts), 0)::int AS attempts
         FROM outbox_events`,
        )) as { unsent: number; attempts: number }[]
      )[0]!;
    // The relay tried, failed (no offline queue), and left every row unsent.
    await until(async () => (await outbox()).attempts >= 2, 'relay retries while Redis is down');
    expect((await outbox()).unsent).toBe(10);
    const ready = await call<{ checks: Record<string, { status: string }> }>(svc.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.redis?.status).toBe('degraded');

    // Hold the unsent rows so the relay (SKIP LOCKED) cannot publish before our subscriber is back.
    const hold = db.createQueryRunner();
    await hold.connect();
    await hold.startTransaction();
    await hold.query('SELECT id FROM outbox_events WHERE sent_at IS NULL FOR UPDATE');
    await redis.start();
    const probe = new Redis(redis.url);
    try {
      await until(async () => {
        const [, count] = (await probe.pubsub('NUMSUB', 'orders.status')) as [string, number];
        return count >= 1;
      }, 'subscriber back');
    } finally {
      probe.disconnect();
    }
    await hold.rollbackTransaction();
    await hold.release();

    await sub.waitFor((events) => events.length >= 14, '10 delayed events');
    await until(async () => (await outbox()).unsent === 0, 'outbox drained');
    const delivered = sub.unique().filter((e) => e.from !== null);
    expect(delivered).toHaveLength(10);
    const stored: { event_id: string }[] = await db.query(
      "SELECT event_id FROM outbox_events WHERE payload->>'from' IS NOT NULL",
    );
    expect(delivered.map((e) => e.eventId).sort()).toEqual(stored.map((r) => r.event_id).sort());
    for (const id of ids) expectChained(eventsOf(sub.unique(), id));
    expect(eventsOf(sub.unique(), ids[3]!).map((e) => e.to)).toEqual(['pending', 'cancelled']);
  });
});
