import { startTcpProxy, type TcpProxyHandle } from '@eks-sre-lab/harness';
import { createProduct, startDownstream } from '../support/downstreams';
import { call, startGateway, type GatewayHandle } from '../support/gateway';

jest.setTimeout(60_000);

const RESET_MS = 2_500; // long enough that the open-breaker checks below finish before it half-opens
const THRESHOLD = 3;

type Service = Awaited<ReturnType<typeof startDownstream>>;
let catalog: Service;
let proxy: TcpProxyHandle; // between gateway and catalog: adds latency, counts the connections it accepts
let gateway: GatewayHandle;
let productId: number;

beforeAll(async () => {
  catalog = await startDownstream('catalog');
  productId = await createProduct(catalog.url, { name: 'breaker probe', price: '1.00', stockQuantity: 1 });
  proxy = await startTcpProxy({ targetPort: catalog.port });
  gateway = await startGateway({
    CATALOG_URL: `http://${proxy.host}:${proxy.port}`,
    ORDER_URL: 'http://127.0.0.1:9',
    BREAKER_FAILURE_THRESHOLD: String(THRESHOLD),
    BREAKER_TIMEOUT_MS: '1000', // a healthy call on a loaded machine stays well under it
    BREAKER_RESET_MS: String(RESET_MS),
    RETRY_MAX_RETRIES: '0',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await proxy?.stop();
  await catalog?.stop();
});

const product = () => call(`${gateway.url}/api/products/${productId}`);
const breakerState = async () =>
  (await call(`${gateway.url}/api/status`)).body.breakers.catalog.state as string;

it('answers 504 when catalog is slower than the breaker timeout', async () => {
  expect((await product()).status).toBe(200);
  proxy.setLatency(2_500);
  try {
    const slow = await product();
    expect(slow.status).toBe(504);
    expect(slow.type).toContain('application/problem+json');
  } finally {
    proxy.setLatency(0);
  }
  expect((await product()).status).toBe(200); // a success resets the consecutive count
  expect(await breakerState()).toBe('closed');
});

it('opens after the configured failures, then answers 503 without calling catalog, and closes again', async () => {
  await catalog.kill('SIGKILL');
  for (let i = 0; i < THRESHOLD; i++) {
    const res = await product();
    expect(res.status).toBe(502);
    expect(res.type).toContain('application/problem+json');
  }
  expect(await breakerState()).toBe('open');

  const connectionsBefore = proxy.acceptedCount();
  for (let i = 0; i < 5; i++) {
    const res = await product();
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.body.detail).toContain('circuit open');
  }
  expect(proxy.acceptedCount()).toBe(connectionsBefore); // not a single call reached catalog
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(metrics).toMatch(/circuit_breaker_state\{breaker="catalog"\} 2/);
  expect(metrics).toMatch(/circuit_breaker_events_total\{breaker="catalog",event="reject"\} 5/);

  const health = await call(`${gateway.url}/api/health`);
  expect(health.status).toBe(503);
  expect(health.body.dependencies.catalog.status).toBe('down');

  await catalog.restart();
  await new Promise((r) => setTimeout(r, RESET_MS + 100));
  expect(await breakerState()).toBe('halfOpen');
  expect((await product()).status).toBe(200); // the trial call succeeds
  expect(await breakerState()).toBe('closed');
});
