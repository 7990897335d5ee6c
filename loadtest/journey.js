/* global __ENV, __VU, __ITER -- k6 runtime globals */
// The shopper journey every scenario runs against the public endpoints (behind the ALB): browse the
// catalogue, open a product, and one time in five place an order and read it back. k6 API only.
import http from 'k6/http';
import { check, group, sleep } from 'k6';

const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const P95_MS = Number(__ENV.SLO_P95_MS || 500);
const ERROR_RATE = Number(__ENV.SLO_ERROR_RATE || 0.01);

// 409 is an expected answer (out of stock after many orders), not a failure.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 409));

/** The seed's SLOs as thresholds: the run fails when p95 or the error rate breaks them. */
export const thresholds = {
  http_req_duration: [`p(95)<${P95_MS}`],
  http_req_failed: [`rate<${ERROR_RATE}`],
  checks: ['rate>0.99'],
};

/** ramping-vus stages: ramp up, hold `target` VUs for `hold`, ramp down. */
export function stages(rampUp, target, hold, rampDown) {
  return [
    { duration: rampUp, target },
    { duration: hold, target },
    { duration: rampDown, target: 0 },
  ];
}

function browse() {
  const list = http.get(`${BASE_URL}/api/products?limit=20`, { tags: { name: 'GET /api/products' } });
  check(list, { 'products 200': (r) => r.status === 200 });
  const products = list.status === 200 ? list.json('items') || list.json() : [];
  if (!Array.isArray(products) || products.length === 0) return undefined;
  const product = products[Math.floor(Math.random() * products.length)];
  const detail = http.get(`${BASE_URL}/api/products/${product.id}`, {
    tags: { name: 'GET /api/products/:id' },
  });
  check(detail, { 'product 200': (r) => r.status === 200 });
  return product;
}

function order(product) {
  const body = JSON.stringify({
    userId: `k6-${__VU}`,
    items: [{ productId: product.id, quantity: 1 }],
    shippingAddress: 'k6 load test, 1 Test Street',
  });
  const headers = {
    'Content-Type': 'application/json',
    'Idempotency-Key': `k6-${__VU}-${__ITER}-${Date.now()}`,
  };
  const placed = http.post(`${BASE_URL}/api/orders`, body, { headers, tags: { name: 'POST /api/orders' } });
  check(placed, { 'order 201 or out of stock': (r) => r.status === 201 || r.status === 409 });
  if (placed.status !== 201) return;
  const read = http.get(`${BASE_URL}/api/orders/${placed.json('id')}`, {
    tags: { name: 'GET /api/orders/:id' },
  });
  check(read, { 'order readable': (r) => r.status === 200 });
}

export function journey() {
  group('browse', () => {
    const product = browse();
    if (product && Math.random() < 0.2) group('order', () => order(product));
  });
  sleep(1 + Math.random() * 2);
}

/** A short summary on stdout (the Job's log) and the full k6 summary as JSON for the reports bucket. */
export function summary(scenario, data) {
  const m = data.metrics;
  const value = (name, key) => (m[name] && m[name].values ? m[name].values[key] : undefined);
  const line = [
    `k6 ${scenario}:`,
    `requests=${value('http_reqs', 'count')}`,
    `p95=${Math.round(value('http_req_duration', 'p(95)') || 0)}ms`,
    `failed=${((value('http_req_failed', 'rate') || 0) * 100).toFixed(2)}%`,
    `checks=${((value('checks', 'rate') || 0) * 100).toFixed(2)}%`,
  ].join(' ');
  const out = { stdout: `${line}\n` };
  if (__ENV.SUMMARY_DIR) out[`${__ENV.SUMMARY_DIR}/${scenario}-summary.json`] = JSON.stringify(data, null, 2);
  return out;
}
