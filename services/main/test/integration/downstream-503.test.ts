import { startTcpProxy, testDatabase, type TcpProxyHandle } from '@eks-sre-lab/harness';
import { startDownstream } from '../support/downstreams';
import { call, startGateway, type GatewayHandle } from '../support/gateway';

jest.setTimeout(60_000);

const THRESHOLD = 3;
const RESET_MS = 1_500;

type Service = Awaited<ReturnType<typeof startDownstream>>;
let dbProxy: TcpProxyHandle; // between catalog and its PostgreSQL: cuts the database off
let catalog: Service;
let gateway: GatewayHandle;

beforeAll(async () => {
  const database = new URL(await testDatabase('catalog'));
  dbProxy = await startTcpProxy({ targetPort: Number(database.port) });
  database.port = String(dbProxy.port);
  catalog = await startDownstream('catalog', { DATABASE_URL: database.toString() });
  gateway = await startGateway({
    CATALOG_URL: catalog.url,
    ORDER_URL: 'http://127.0.0.1:9',
    BREAKER_FAILURE_THRESHOLD: String(THRESHOLD),
    BREAKER_RESET_MS: String(RESET_MS),
    RETRY_MAX_RETRIES: '0',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await catalog?.stop();
  await dbProxy?.stop();
});

const categories = () => call(`${gateway.url}/api/categories`);
const breakerState = async () =>
  (await call(`${gateway.url}/api/status`)).body.breakers.catalog.state as string;

it("passes catalog's 503 (its database is down) on as 503 with Retry-After, not 502", async () => {
  expect((await categories()).status).toBe(200);
  await dbProxy.setDown(true);
  try {
    for (let i = 0; i < THRESHOLD; i++) {
      const res = await categories();
      expect(res.status).toBe(503);
      expect(res.type).toContain('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('5'); // catalog's own Retry-After
      expect(res.body.detail).toBe(
        'catalog is unavailable: postgres unavailable: connection lost, retry shortly',
      );
    }
    // A downstream 503 is a 5xx: it counts towards the breaker like any other (issue 5).
    expect(await breakerState()).toBe('open');
    const open = await categories();
    expect(open.status).toBe(503);
    expect(open.body.detail).toContain('circuit open');
  } finally {
    await dbProxy.setDown(false);
  }
  await new Promise((resolve) => setTimeout(resolve, RESET_MS + 100));
  expect((await categories()).status).toBe(200); // the half-open trial succeeds
  expect(await breakerState()).toBe('closed');
});
