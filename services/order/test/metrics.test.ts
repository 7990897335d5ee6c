import { call, createOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';
import { until } from './support/subscriber';

let svc: RunningOrderApp;

beforeAll(async () => {
  svc = await startOrderApp({ DB_POOL_MAX: '7' });
});
afterAll(async () => {
  await svc.stop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${svc.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no series ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe('metrics on the kit registry', () => {
  it('counts creations and transitions, and reads outbox and pool gauges at scrape time', async () => {
    const order = await createOrder(svc.url);
    await createOrder(svc.url);
    await call(svc.url, 'PUT', `/orders/${order.id}/status`, { status: 'paid' });
    await call(svc.url, 'PUT', `/orders/${order.id}/status`, { status: 'cancelled' });

    let text = await scrape();
    expect(value(text, 'orders_created_total')).toBe(2);
    expect(value(text, 'order_status_transitions_total{from="pending",to="paid"}')).toBe(1);
    expect(value(text, 'order_status_transitions_total{from="paid",to="cancelled"}')).toBe(1);
    expect(value(text, 'db_pool_max_connections')).toBe(7);
    const open =
      value(text, 'db_pool_connections{state="in_use"}') + value(text, 'db_pool_connections{state="idle"}');
    expect(open).toBeGreaterThan(0); // this scrape's own outbox query holds one
    expect(open).toBeLessThanOrEqual(7);
    expect(value(text, 'db_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);

    // Once the four events are out, park the relay and mark two unsent again: the backlog gauges must show them.
    await until(async () => value(await scrape(), 'outbox_backlog_events') === 0, 'first events published');
    await svc.app.relay.stop();
    await svc.app.dataSource.query(
      "UPDATE outbox_events SET sent_at = NULL, created_at = now() - interval '30 seconds' WHERE aggregate_id = $1 AND payload->>'to' IN ('paid', 'cancelled')",
      [order.id],
    );
    text = await scrape();
    expect(value(text, 'outbox_backlog_events')).toBe(2);
    expect(value(text, 'outbox_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(30);

    svc.app.relay.start();
    await until(async () => value(await scrape(), 'outbox_backlog_events') === 0, 'relay drains the backlog');
    text = await scrape();
    expect(value(text, 'outbox_oldest_unsent_age_seconds')).toBe(0);
    expect(value(text, 'outbox_events_published_total')).toBe(6); // 4, then the 2 re-sent
  });
});
