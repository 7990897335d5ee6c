// One function per gateway route the UI uses.
import { requestJson } from './client';
import type { Category, GatewayStatus, NewOrder, Order, OrderPage, Page, Product, Session } from './types';

export interface ProductQuery {
  limit: number;
  offset: number;
  category?: number | null;
  q?: string;
  sort?: string;
}

export function listProducts(query: ProductQuery, signal?: AbortSignal): Promise<Page<Product>> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.category) params.set('category', String(query.category));
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  return requestJson(`/api/products?${params}`, { signal });
}

export const getProduct = (id: string, signal?: AbortSignal): Promise<Product> =>
  requestJson(`/api/products/${encodeURIComponent(id)}`, { signal });

export const listCategories = (signal?: AbortSignal): Promise<Category[]> =>
  requestJson('/api/categories', { signal });

export function createOrder(order: NewOrder, idempotencyKey: string): Promise<Order> {
  return requestJson('/api/orders', {
    method: 'POST',
    body: JSON.stringify(order),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export const getOrder = (id: string, signal?: AbortSignal): Promise<Order> =>
  requestJson(`/api/orders/${encodeURIComponent(id)}`, { signal });

export const listOrders = (userId: string, signal?: AbortSignal): Promise<OrderPage> =>
  requestJson(`/api/orders?${new URLSearchParams({ userId })}`, { signal });

export const getStatus = (signal?: AbortSignal): Promise<GatewayStatus> =>
  requestJson('/api/status', { signal });

export const getSession = (): Promise<Session> => requestJson('/api/session');
export const startSession = (userId: string): Promise<Session> =>
  requestJson('/api/session', { method: 'POST', body: JSON.stringify({ userId }) });
export const endSession = (): Promise<void> => requestJson('/api/session', { method: 'DELETE' });
