import { ORDER_STATUSES, type OrderStatus } from '../src/orders/state-machine';
import { call, createOrder, type OrderBody } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

let svc: RunningOrderApp;

beforeAll(async () => {
  svc = await startOrderApp();
});
afterAll(async () => {
  await svc.stop();
});

/** The only paths from pending to each state, taken through the API. */
const pathTo: Record<OrderStatus, OrderStatus[]> = {
  pending: [],
  paid: ['paid'],
  shipped: ['paid', 'shipped'],
  delivered: ['paid', 'shipped', 'delivered'],
  cancelled: ['cancelled'],
};

const allowed: Record<OrderStatus, OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

const setStatus = (id: number, status: string) =>
  call<OrderBody>(svc.url, 'PUT', `/orders/${id}/status`, { status });

async function orderIn(state: OrderStatus): Promise<number> {
  const { id } = await createOrder(svc.url);
  for (const step of pathTo[state]) expect((await setStatus(id, step)).status).toBe(200);
  return id;
}

const table = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

describe('status state machine (every from × to pair)', () => {
  it.each(table)('%s → %s', async (from, to) => {
    const id = await orderIn(from);
    const reply = await setStatus(id, to);
    if (allowed[from].includes(to)) {
      expect(reply.status).toBe(200);
      expect(reply.body.status).toBe(to);
      expect(Date.parse(reply.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(reply.body.createdAt));
    } else {
      expect(reply.status).toBe(409);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ from, to, allowed: allowed[from] });
      expect(String(reply.body.detail)).toContain(`from ${from} to ${to}`);
      expect((await call<OrderBody>(svc.url, 'GET', `/orders/${id}`)).body.status).toBe(from);
    }
  });

  it('lets exactly one of 10 concurrent changes of one order win (row lock)', async () => {
    const { id } = await createOrder(svc.url);
    const replies = await Promise.all(Array.from({ length: 10 }, () => setStatus(id, 'paid')));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = replies.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect(loser.body).toMatchObject({ status: 409, from: 'paid', to: 'paid' });
    const events: { count: number }[] = await svc.app.dataSource.query(
      'SELECT count(*)::int AS count FROM outbox_events WHERE aggregate_id = $1',
      [id],
    );
    expect(events[0]?.count).toBe(2); // creation + the one winning change
  });

  it('answers 404 for a change of an order that does not exist', async () => {
    const reply = await setStatus(424242, 'paid');
    expect(reply.status).toBe(404);
  });
});
