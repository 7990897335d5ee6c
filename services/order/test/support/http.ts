import type { OrderView } from '../../src/orders/view';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Real HTTP on loopback; JSON in and out (raw strings are sent as-is, for malformed-body cases). */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** An order as the API answers it, or a problem (detail) when it refuses. */
export type OrderBody = OrderView & { detail?: string };

export const sampleOrder = (overrides: Record<string, unknown> = {}) => ({
  userId: 'user-1',
  items: [{ productId: 1, quantity: 3, unitPrice: '19.99' }],
  shippingAddress: '1 Test Street, Seoul',
  ...overrides,
});

export async function createOrder(base: string, overrides: Record<string, unknown> = {}): Promise<OrderBody> {
  const reply = await call<OrderBody>(base, 'POST', '/orders', sampleOrder(overrides));
  if (reply.status !== 201) throw new Error(`create answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}
