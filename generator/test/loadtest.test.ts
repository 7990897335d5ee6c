import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { labConfig } from '../src/config/lab.config';
import { JOBS_DIR, LOADTEST_SOURCES, k6Scripts, scenarios } from '../src/platform/loadtest';
import type { K8sObject } from './gate/kustomize';
import { REPO_ROOT } from './gate/paths';

// k6 cannot run here: the scripts are checked by Node's parser as ES modules and imported with the k6
// modules stubbed, which evaluates them for real and exposes their options and summary handler.
// Plain `node --check x.js` is no check on Node 20: with module detection it accepts broken ESM.

const run = promisify(execFile);
const REGISTER = join(__dirname, 'support/k6-register.mjs');
const checkModule = (file: string) => run('node', ['--experimental-default-type=module', '--check', file]);

async function evaluate(
  script: string,
  env: Record<string, string>,
  summaryInput?: unknown,
): Promise<unknown> {
  const url = pathToFileURL(join(LOADTEST_SOURCES, script)).href;
  const code = `const m = await import(${JSON.stringify(url)});
    const input = ${JSON.stringify(summaryInput ?? null)};
    console.log(JSON.stringify({ options: m.options, summary: input && m.handleSummary(input), hasDefault: typeof m.default === 'function' }));`;
  const { stdout } = await run('node', ['--import', REGISTER, '--input-type=module', '-e', code], {
    env: { ...process.env, K6_TEST_ENV: JSON.stringify(env) },
  });
  return JSON.parse(stdout);
}

type Stage = { duration: string; target: number };
type Evaluated = {
  options: {
    scenarios: Record<string, { executor: string; stages: Stage[] }>;
    thresholds: Record<string, string[]>;
  };
  summary: Record<string, string>;
  hasDefault: boolean;
};

describe('k6 load tests', () => {
  it('parse as JavaScript modules', async () => {
    const files = Object.keys(k6Scripts());
    expect(files).toEqual(['journey.js', 'normal.js', 'soak.js', 'spike.js']);
    for (const f of files) await expect(checkModule(join(LOADTEST_SOURCES, f))).resolves.toBeDefined();
  });

  it('the module syntax check rejects a broken script', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'k6-')), 'broken.js');
    writeFileSync(broken, "import http from 'k6/http';\nexport const options = { vus: ;\n");
    await expect(checkModule(broken)).rejects.toThrow(/SyntaxError/);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))(
    '%s holds the seed VUs for the seed duration, with the SLO thresholds',
    async (name, s) => {
      const result = (await evaluate(`${name}.js`, {
        SLO_P95_MS: '500',
        SLO_ERROR_RATE: '0.01',
      })) as Evaluated;
      expect(result.hasDefault).toBe(true);
      const scenario = result.options.scenarios[name]!;
      expect(scenario.executor).toBe('ramping-vus');
      expect(Math.max(...scenario.stages.map((st) => st.target))).toBe(s.vus);
      expect(scenario.stages.filter((st) => st.target === s.vus).map((st) => st.duration)).toContain(s.hold);
      expect(result.options.thresholds).toEqual({
        http_req_duration: ['p(95)<500'],
        http_req_failed: ['rate<0.01'],
        checks: ['rate>0.99'],
      });
    },
  );

  it('handleSummary prints one line to the log and writes the full summary for the bucket', async () => {
    const metrics = {
      http_reqs: { values: { count: 1200 } },
      http_req_duration: { values: { 'p(95)': 231.4 } },
      http_req_failed: { values: { rate: 0.0025 } },
      checks: { values: { rate: 1 } },
    };
    const result = (await evaluate('spike.js', { SUMMARY_DIR: '/results' }, { metrics })) as Evaluated;
    expect(result.summary['stdout']).toBe('k6 spike: requests=1200 p95=231ms failed=0.25% checks=100.00%\n');
    expect(JSON.parse(result.summary['/results/spike-summary.json']!)).toEqual({ metrics });
  });

  it('generates one Job per scenario running its script against the public endpoint', () => {
    for (const s of scenarios) {
      const job = parse(
        readFileSync(join(REPO_ROOT, JOBS_DIR, `job-k6-${s.name}.yaml`), 'utf8'),
      ) as K8sObject;
      const k6 = (
        job['spec'] as {
          template: {
            spec: { initContainers: { args: string[]; env: { name: string; value: string }[] }[] };
          };
        }
      ).template.spec.initContainers[0]!;
      expect(k6.args).toContain(`/scripts/${s.name}.js`);
      expect(k6.env).toEqual(
        expect.arrayContaining([{ name: 'BASE_URL', value: `https://${labConfig.domain}` }]),
      );
    }
  });
});
