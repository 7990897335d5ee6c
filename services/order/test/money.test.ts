import { call, type OrderBody, sampleOrder } from './support/http';
import { startOrderApp, type RunningOrderApp } from './support/order-app';

let svc: RunningOrderApp;

beforeAll(async () => {
  svc = await startOrderApp();
});
afterAll(async () => {
  await svc.stop();
});

const cases: {
  name: string;
  items: { productId: number; quantity: number; unitPrice: string | number }[];
  total: string;
  lines: string[];
}[] = [
  {
    name: '3 × 19.99',
    items: [{ productId: 1, quantity: 3, unitPrice: '19.99' }],
    total: '59.97',
    lines: ['59.97'],
  },
  {
    name: '0.10 + 0.20 (float-prone sum)',
    items: [
      { productId: 1, quantity: 1, unitPrice: '0.10' },
      { productId: 2, quantity: 1, unitPrice: '0.20' },
    ],
    total: '0.30',
    lines: ['0.10', '0.20'],
  },
  {
    name: 'JSON number price 19.99 × 7',
    items: [{ productId: 1, quantity: 7, unitPrice: 19.99 }],
    total: '139.93',
    lines: ['139.93'],
  },
  {
    name: 'one decimal written "1.5"',
    items: [{ productId: 1, quantity: 3, unitPrice: '1.5' }],
    total: '4.50',
    lines: ['4.50'],
  },
  {
    name: 'free item',
    items: [{ productId: 1, quantity: 2, unitPrice: '0' }],
    total: '0.00',
    lines: ['0.00'],
  },
  {
    name: 'exactly the DECIMAL(10,2) maximum',
    items: [
      { productId: 1, quantity: 1, unitPrice: '99999999.98' },
      { productId: 2, quantity: 1, unitPrice: '0.01' },
    ],
    total: '99999999.99',
    lines: ['99999999.98', '0.01'],
  },
  {
    name: '50 lines of 1000 × 0.01',
    items: Array.from({ length: 50 }, (_, i) => ({ productId: i + 1, quantity: 1000, unitPrice: '0.01' })),
    total: '500.00',
    lines: Array(50).fill('10.00'),
  },
];

describe('order totals computed by the service, strings in JSON', () => {
  it.each(cases)('$name → $total', async ({ items, total, lines }) => {
    const reply = await call<OrderBody>(svc.url, 'POST', '/orders', sampleOrder({ items }));
    expect(reply.status).toBe(201);
    expect(reply.body.totalAmount).toBe(total);
    expect(reply.body.items.map((item) => item.totalPrice)).toEqual(lines);
    const stored: { total_amount: string }[] = await svc.app.dataSource.query(
      'SELECT total_amount FROM orders WHERE id = $1',
      [reply.body.id],
    );
    expect(stored[0]?.total_amount).toBe(total);
  });

  it('refuses a client-sent total instead of using it', async () => {
    const reply = await call(svc.url, 'POST', '/orders', sampleOrder({ totalAmount: '0.01' }));
    expect(reply.status).toBe(400);
  });
});
