import { call, createOrder, sampleOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

let svc: RunningOrderApp;
let existingId: number;

beforeAll(async () => {
  svc = await startOrderApp();
  existingId = (await createOrder(svc.url)).id;
});
afterAll(async () => {
  await svc.stop();
});

const item = (overrides: Record<string, unknown> = {}) => ({
  productId: 1,
  quantity: 1,
  unitPrice: '1.00',
  ...overrides,
});
const withItem = (overrides: Record<string, unknown>) => sampleOrder({ items: [item(overrides)] });

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** A field the problem's errors[] must name (400s). */
  field?: string;
}

const cases: Case[] = [
  {
    name: 'order id not a number',
    method: 'GET',
    path: () => '/orders/abc',
    status: 400,
    field: 'params.id',
  },
  { name: 'order id zero', method: 'GET', path: () => '/orders/0', status: 400, field: 'params.id' },
  { name: 'order id negative', method: 'GET', path: () => '/orders/-5', status: 400, field: 'params.id' },
  {
    name: 'order id beyond int4',
    method: 'GET',
    path: () => '/orders/2147483648',
    status: 400,
    field: 'params.id',
  },
  { name: 'order id fractional', method: 'GET', path: () => '/orders/1.5', status: 400, field: 'params.id' },
  {
    name: 'user id with a space',
    method: 'GET',
    path: () => '/orders/user/a%20b',
    status: 400,
    field: 'params.userId',
  },
  {
    name: 'user id too long',
    method: 'GET',
    path: () => `/orders/user/${'u'.repeat(101)}`,
    status: 400,
    field: 'params.userId',
  },
  {
    name: 'limit above 100',
    method: 'GET',
    path: () => '/orders/user/u1?limit=1000',
    status: 400,
    field: 'query.limit',
  },
  {
    name: 'limit in exponent form',
    method: 'GET',
    path: () => '/orders/user/u1?limit=1e1',
    status: 400,
    field: 'query.limit',
  },
  {
    name: 'negative offset',
    method: 'GET',
    path: () => '/orders/user/u1?offset=-1',
    status: 400,
    field: 'query.offset',
  },
  {
    name: 'unknown query parameter',
    method: 'GET',
    path: () => '/orders/user/u1?sort=asc',
    status: 400,
    field: 'query',
  },
  { name: 'missing body', method: 'POST', path: () => '/orders', status: 400, field: 'body' },
  { name: 'malformed JSON', method: 'POST', path: () => '/orders', body: '{"userId":', status: 400 },
  {
    name: 'missing userId',
    method: 'POST',
    path: () => '/orders',
    body: { ...sampleOrder(), userId: undefined },
    status: 400,
    field: 'body.userId',
  },
  {
    name: 'userId too long',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ userId: 'x'.repeat(101) }),
    status: 400,
    field: 'body.userId',
  },
  {
    name: 'unknown top-level field',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ totalAmount: '1.00' }),
    status: 400,
    field: 'body',
  },
  {
    name: 'no items',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ items: [] }),
    status: 400,
    field: 'body.items',
  },
  {
    name: 'too many items',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ items: Array.from({ length: 51 }, (_, i) => item({ productId: i + 1 })) }),
    status: 400,
    field: 'body.items',
  },
  {
    name: 'duplicate productId',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ items: [item(), item()] }),
    status: 400,
    field: 'body.items',
  },
  {
    name: 'productId zero',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ productId: 0 }),
    status: 400,
    field: 'body.items.0.productId',
  },
  {
    name: 'productId as string',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ productId: '1' }),
    status: 400,
    field: 'body.items.0.productId',
  },
  {
    name: 'quantity zero',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ quantity: 0 }),
    status: 400,
    field: 'body.items.0.quantity',
  },
  {
    name: 'quantity negative',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ quantity: -2 }),
    status: 400,
    field: 'body.items.0.quantity',
  },
  {
    name: 'quantity fractional',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ quantity: 1.5 }),
    status: 400,
    field: 'body.items.0.quantity',
  },
  {
    name: 'quantity above 1000',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ quantity: 1001 }),
    status: 400,
    field: 'body.items.0.quantity',
  },
  {
    name: 'price negative',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: '-1.00' }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'price with 3 decimals',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: '1.999' }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'price too large for DECIMAL(10,2)',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: '100000000.00' }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'price not a number',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: 'cheap' }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'price in exponent form',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: 1e21 }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'price missing',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: undefined }),
    status: 400,
    field: 'body.items.0.unitPrice',
  },
  {
    name: 'unknown item field',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ discount: 1 }),
    status: 400,
    field: 'body.items.0',
  },
  {
    name: 'line total overflows DECIMAL(10,2)',
    method: 'POST',
    path: () => '/orders',
    body: withItem({ unitPrice: '99999999.99', quantity: 2 }),
    status: 400,
    field: 'body.items.0.quantity',
  },
  {
    name: 'order total overflows DECIMAL(10,2)',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({
      items: [item({ unitPrice: '60000000.00' }), item({ productId: 2, unitPrice: '60000000.00' })],
    }),
    status: 400,
    field: 'body.items',
  },
  {
    name: 'empty shipping address',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ shippingAddress: '   ' }),
    status: 400,
    field: 'body.shippingAddress',
  },
  {
    name: 'oversized shipping address',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ shippingAddress: 'a'.repeat(501) }),
    status: 400,
    field: 'body.shippingAddress',
  },
  {
    name: 'NUL character in the shipping address',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ shippingAddress: 'Seoul\u0000' }),
    status: 400,
    field: 'body.shippingAddress',
  },
  { name: 'malformed percent-encoding in the id', method: 'GET', path: () => '/orders/%ff', status: 400 },
  {
    name: 'oversized Idempotency-Key',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder(),
    headers: { 'idempotency-key': 'k'.repeat(256) },
    status: 400,
    field: 'headers.idempotency-key',
  },
  {
    name: 'Idempotency-Key with spaces',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder(),
    headers: { 'idempotency-key': 'two words' },
    status: 400,
    field: 'headers.idempotency-key',
  },
  {
    name: 'body over the size limit',
    method: 'POST',
    path: () => '/orders',
    body: sampleOrder({ shippingAddress: 'a'.repeat(200_000) }),
    status: 413,
  },
  {
    name: 'unknown status',
    method: 'PUT',
    path: () => `/orders/${existingId}/status`,
    body: { status: 'lost' },
    status: 400,
    field: 'body.status',
  },
  {
    name: 'status missing',
    method: 'PUT',
    path: () => `/orders/${existingId}/status`,
    body: {},
    status: 400,
    field: 'body.status',
  },
  {
    name: 'status with extra field',
    method: 'PUT',
    path: () => `/orders/${existingId}/status`,
    body: { status: 'paid', reason: 'x' },
    status: 400,
    field: 'body',
  },
  {
    name: 'status change of a bad id',
    method: 'PUT',
    path: () => '/orders/x/status',
    body: { status: 'paid' },
    status: 400,
    field: 'params.id',
  },
];

describe('bad input answers 4xx problem+json, never 500', () => {
  it.each(cases)('$name → $status', async ({ method, path, body, headers, status, field }) => {
    const reply = await call<{ status: number; errors?: { field: string; message: string }[] }>(
      svc.url,
      method,
      path(),
      body,
      headers,
    );
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.status).toBe(status);
    if (field) expect(reply.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('stored nothing for any refused create', async () => {
    const rows: { count: number }[] = await svc.app.dataSource.query(
      'SELECT count(*)::int AS count FROM orders',
    );
    expect(rows[0]?.count).toBe(1);
  });
});
