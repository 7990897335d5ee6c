import { randomUUID } from 'node:crypto';
import { waitUntil } from '@eks-sre-lab/harness';
import { createProduct, startDownstream } from '../support/downstreams';
import { call, startGateway, type GatewayHandle } from '../support/gateway';

jest.setTimeout(60_000);

// The gateway runs in-process without initTracing (no context manager at all): the downstream calls
// carry `traceparent` because the routes pass the request's trace explicitly.
type Service = Awaited<ReturnType<typeof startDownstream>>;
let catalog: Service;
let order: Service;
let gateway: GatewayHandle;

beforeAll(async () => {
  // info level: each downstream writes an access line with the trace id it received.
  [catalog, order] = await Promise.all([
    startDownstream('catalog', { LOG_LEVEL: 'info' }),
    startDownstream('order', { LOG_LEVEL: 'info' }),
  ]);
  gateway = await startGateway({ CATALOG_URL: catalog.url, ORDER_URL: order.url, RETRY_MAX_RETRIES: '0' });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([catalog?.stop(), order?.stop()]);
});

interface AccessLine {
  msg?: string;
  traceId?: string;
  method?: string;
  route?: string;
}

function accessLines(service: Service, traceId: string): AccessLine[] {
  return service.logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as AccessLine)
    .filter((line) => line.msg === 'request completed' && line.traceId === traceId);
}

async function linesOf(service: Service, traceId: string, count: number): Promise<AccessLine[]> {
  await waitUntil(async () => accessLines(service, traceId).length >= count, {
    what: `${count} access line(s) of trace ${traceId} in ${service.name}`,
    timeoutMs: 5_000,
  });
  return accessLines(service, traceId);
}

const newTraceId = () => randomUUID().replace(/-/g, '');
const traceparent = (traceId: string) => `00-${traceId}-b7ad6b7169203331-01`;

it('forwards the caller trace id to catalog on a product read', async () => {
  const id = await createProduct(catalog.url, {
    name: `t-${randomUUID().slice(0, 8)}`,
    price: '3.00',
    stockQuantity: 5,
  });
  const traceId = newTraceId();
  const res = await call(`${gateway.url}/api/products/${id}`, {
    headers: { traceparent: traceparent(traceId) },
  });
  expect(res.status).toBe(200);
  const [line] = await linesOf(catalog, traceId, 1);
  expect(line).toMatchObject({ method: 'GET', route: '/catalog/products/:id' });
});

it('carries one trace id through every downstream call of an order (price, reserve, create)', async () => {
  const id = await createProduct(catalog.url, {
    name: `t-${randomUUID().slice(0, 8)}`,
    price: '4.00',
    stockQuantity: 5,
  });
  const traceId = newTraceId();
  const res = await call(`${gateway.url}/api/orders`, {
    method: 'POST',
    body: { userId: 'trace-user', items: [{ productId: id, quantity: 1 }], shippingAddress: 'Seoul' },
    headers: { traceparent: traceparent(traceId), 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  const catalogCalls = (await linesOf(catalog, traceId, 2)).map((l) => `${l.method} ${l.route}`);
  expect(catalogCalls).toEqual(
    expect.arrayContaining(['GET /catalog/products/:id', 'POST /catalog/products/:id/reserve']),
  );
  const [created] = await linesOf(order, traceId, 1);
  expect(created).toMatchObject({ method: 'POST', route: '/orders' });
});
