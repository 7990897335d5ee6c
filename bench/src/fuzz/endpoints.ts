import fc from 'fast-check';
import { badIdPath, badJsonBody, badQuery, junkHeaders } from './request-builders';
import { invalidCount, invalidMoney, invalidStatus, invalidText, invalidUserId } from './invalid-fields';
import { badContentType, hostileId, hostileString } from './hostile-values';
import type { FuzzEndpoint } from './run-fuzz';
import type { FuzzRequest } from '../http/send';

export interface FuzzTargets {
  main: string;
  catalog: string;
  order: string;
}

const orderItem = { productId: 1, quantity: 1 };
const gatewayOrder = { userId: 'fuzz-user', items: [orderItem], shippingAddress: '1 Fuzz Lane' };
const serviceOrder = { ...gatewayOrder, items: [{ ...orderItem, unitPrice: '9.99' }] };
const product = { name: 'Fuzz', description: 'd', price: '9.99', categoryId: 1, stockQuantity: 5 };

const itemRules = [
  { path: ['items', 0, 'productId'], invalid: invalidCount },
  { path: ['items', 0, 'quantity'], invalid: invalidCount },
  {
    path: ['items'],
    invalid: fc.constantFrom(
      [],
      null,
      'items',
      {},
      Array.from({ length: 51 }, () => orderItem),
    ),
  },
  { path: ['shippingAddress'], invalid: invalidText },
];

const orPath = (fixed: string, prefix: string, suffix = '') =>
  fc.oneof(
    fc.constant(fixed),
    hostileId.map((id) => `${prefix}${id}${suffix}`),
  );

/** Uploads that are never a well-formed multipart file of an allowed type. */
function badUpload(path: string): fc.Arbitrary<FuzzRequest> {
  const type = fc.oneof(
    badContentType,
    fc.constantFrom(
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=zz',
    ),
  );
  return fc
    .record({
      type,
      body: fc.oneof(hostileString, fc.constant('--zz\r\nContent-Disposition: form-data\r\n\r\nx')),
    })
    .map(({ type, body }): FuzzRequest => ({
      method: 'POST',
      path,
      headers: type ? { 'content-type': type } : ({} as Record<string, string>),
      body,
      label: `POST ${path} [${type ?? 'none'}] ${body.slice(0, 80)}`,
    }));
}

/** The gateway's public API (what the ALB exposes). */
export function gatewayEndpoints(main: string): FuzzEndpoint[] {
  const e = (name: string, requests: fc.Arbitrary<FuzzRequest>, strict: boolean): FuzzEndpoint => ({
    service: 'main',
    name,
    baseUrl: main,
    requests,
    strict,
  });
  return [
    e('GET /api/products/:id', badIdPath('GET', '/api/products/'), true),
    e('GET /api/products', badQuery('/api/products', ['limit', 'offset', 'category', 'q', 'sort']), false),
    e('GET /api/categories', junkHeaders('GET', '/api/categories'), false),
    e(
      'POST /api/orders',
      badJsonBody(
        'POST',
        fc.constant('/api/orders'),
        gatewayOrder,
        [...itemRules, { path: ['userId'], invalid: invalidUserId }],
        [['shippingAddress']],
      ),
      true,
    ),
    e('GET /api/orders/:id', badIdPath('GET', '/api/orders/'), true),
    e('GET /api/orders', badQuery('/api/orders', ['userId', 'limit', 'offset']), false),
    e(
      'POST /api/session',
      badJsonBody('POST', fc.constant('/api/session'), { userId: 'u1' }, [
        { path: ['userId'], invalid: invalidUserId },
      ]),
      true,
    ),
    e('GET /api/session', junkHeaders('GET', '/api/session'), false),
    e('POST /api/upload', badUpload('/api/upload'), true),
    e('GET /api/status', junkHeaders('GET', '/api/status'), false),
  ];
}

/** Catalog routes other services call inside the cluster. */
export function catalogEndpoints(catalog: string): FuzzEndpoint[] {
  const e = (name: string, requests: fc.Arbitrary<FuzzRequest>, strict: boolean): FuzzEndpoint => ({
    service: 'catalog',
    name,
    baseUrl: catalog,
    requests,
    strict,
  });
  const productRules = [
    { path: ['name'], invalid: invalidText },
    { path: ['price'], invalid: invalidMoney },
    { path: ['stockQuantity'], invalid: fc.constantFrom(-1, 1.5, '5', null, 2 ** 31, [], {}) },
  ];
  const quantity = { quantity: 1 };
  const quantityRules = [{ path: ['quantity'], invalid: invalidCount }];
  return [
    e('GET /catalog/products/:id', badIdPath('GET', '/catalog/products/'), true),
    e(
      'GET /catalog/products',
      badQuery('/catalog/products', ['limit', 'offset', 'category', 'q', 'sort']),
      false,
    ),
    e(
      'POST /catalog/products',
      badJsonBody('POST', fc.constant('/catalog/products'), product, productRules, [['description']]),
      true,
    ),
    e(
      'PUT /catalog/products/:id',
      badJsonBody('PUT', orPath('/catalog/products/1', '/catalog/products/'), product, productRules),
      true,
    ),
    e('DELETE /catalog/products/:id', badIdPath('DELETE', '/catalog/products/'), true),
    e(
      'POST /catalog/products/:id/reserve',
      badJsonBody(
        'POST',
        orPath('/catalog/products/1/reserve', '/catalog/products/', '/reserve'),
        quantity,
        quantityRules,
      ),
      true,
    ),
    e(
      'POST /catalog/products/:id/release',
      badJsonBody(
        'POST',
        orPath('/catalog/products/1/release', '/catalog/products/', '/release'),
        quantity,
        quantityRules,
      ),
      true,
    ),
    e('GET /catalog/categories', junkHeaders('GET', '/catalog/categories'), false),
  ];
}

/** Order routes the gateway calls. */
export function orderEndpoints(order: string): FuzzEndpoint[] {
  const e = (name: string, requests: fc.Arbitrary<FuzzRequest>, strict: boolean): FuzzEndpoint => ({
    service: 'order',
    name,
    baseUrl: order,
    requests,
    strict,
  });
  return [
    e(
      'POST /orders',
      badJsonBody(
        'POST',
        fc.constant('/orders'),
        serviceOrder,
        [
          ...itemRules,
          { path: ['items', 0, 'unitPrice'], invalid: invalidMoney },
          { path: ['userId'], invalid: invalidUserId },
        ],
        [['shippingAddress']],
      ),
      true,
    ),
    e('GET /orders/:id', badIdPath('GET', '/orders/'), true),
    e(
      'PUT /orders/:id/status',
      badJsonBody('PUT', orPath('/orders/1/status', '/orders/', '/status'), { status: 'paid' }, [
        { path: ['status'], invalid: invalidStatus },
      ]),
      true,
    ),
    e('GET /orders/user/:userId', badQuery('/orders/user/fuzz-user', ['limit', 'offset']), false),
  ];
}

export function allEndpoints(t: FuzzTargets): FuzzEndpoint[] {
  return [...gatewayEndpoints(t.main), ...catalogEndpoints(t.catalog), ...orderEndpoints(t.order)];
}
