// Property-based bad input against the real stack: ≥ 1,000 generated malformed or hostile requests per
// public endpoint of main, catalog and order (fixed seed) → never a 5xx, every 4xx problem+json, and every
// service still alive afterwards. The longer run is `npm run bench -- --fuzz`.
import { ensureBuilt } from '@eks-sre-lab/harness';
import { startStack, type Stack } from '@eks-sre-lab/stack';
import { runFuzzSuite } from '../src/fuzz/suite';

jest.setTimeout(240_000);

const SEED = 20_260_009;
const RUNS = 1_000;

describe('hostile input', () => {
  let stack: Stack;

  beforeAll(async () => {
    await ensureBuilt(['services/catalog', 'services/order', 'services/main']);
    stack = await startStack({ port: 0, seed: false, web: false }); // the services only: no frontend build needed
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every malformed request with a 4xx problem+json and keeps every service alive', async () => {
    const result = await runFuzzSuite(
      { main: stack.urls.main, catalog: stack.urls.catalog, order: stack.urls.order },
      { runs: RUNS, seed: SEED },
    );
    const failed = result.endpoints
      .filter((e) => e.failures > 0)
      .map((e) => {
        const example = e.counterexample;
        const request = example?.request.label?.slice(0, 160) ?? '';
        return `${e.service} ${e.name} (${e.failures}/${e.runs}): ${example?.problem.slice(0, 200)} ← ${request}`;
      });
    expect(result.endpoints.length).toBeGreaterThanOrEqual(20);
    expect(result.endpoints.every((e) => e.runs >= RUNS)).toBe(true);
    expect(failed).toEqual([]);
    expect(result.dead).toEqual([]);
  });
});
