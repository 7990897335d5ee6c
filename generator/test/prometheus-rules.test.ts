import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { K8sObject } from './gate/kustomize';
import { checkRules, tempDir, testRules, writeRuleFile } from './gate/promtool';
import { builtTree } from './gate/tree';

async function prometheusRules(): Promise<K8sObject[]> {
  const { builds } = await builtTree();
  const all = builds.flatMap((b) => b.objects).filter((o) => o.kind === 'PrometheusRule');
  return [...new Map(all.map((r) => [`${r.metadata.namespace}/${r.metadata.name}`, r])).values()];
}

type Rule = { alert?: string; annotations?: unknown };
type Spec = { groups: { name: string; rules: Rule[] }[] };

/** The rules without annotations: promtool compares rendered annotations, the tests check expr/for/labels. */
function withoutAnnotations(rule: K8sObject): K8sObject {
  const spec = structuredClone(rule['spec']) as Spec;
  for (const g of spec.groups) for (const r of g.rules) delete r.annotations;
  return { ...rule, spec };
}

const sel = (service: string, extra = ''): string => `namespace="backend",service="${service}"${extra}`;
const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const alertLabels = (service: string, severity: string) => ({ severity, service, slo: 'true' });

/** promtool unit tests for one kit service's SLO alerts: each alert fires on a breach and not when healthy. */
function unitTests(service: string, ruleFile: string, database?: string): unknown {
  const name = title(service);
  const requests = (status: string, perMinute: number) => ({
    series: `http_requests_total{${sel(service, `,status_code="${status}"`)}}`,
    values: `0+${perMinute}x30`,
  });
  const bucket = (le: string, perMinute: number) => ({
    series: `http_request_duration_seconds_bucket{${sel(service, `,le="${le}"`)}}`,
    values: `0+${perMinute}x30`,
  });
  const fires = (alertname: string, severity: string) => ({
    eval_time: '15m',
    alertname,
    exp_alerts: [{ exp_labels: alertLabels(service, severity) }],
  });
  const silent = (alertname: string) => ({ eval_time: '15m', alertname, exp_alerts: [] });
  const tests: unknown[] = [
    {
      // 5 % of requests fail: above the 1 % SLO and burning the 99.9 % budget
      interval: '1m',
      input_series: [requests('200', 95), requests('500', 5)],
      alert_rule_test: [
        fires(`${name}HighErrorRate`, 'critical'),
        fires(`${name}AvailabilityBudgetBurn`, 'critical'),
      ],
    },
    {
      // 0.5 % failures: within the error-rate SLO, still not a fast burn
      interval: '1m',
      input_series: [
        requests('200', 995),
        requests('500', 5),
        bucket('0.1', 1000),
        bucket('0.5', 1000),
        bucket('+Inf', 1000),
      ],
      alert_rule_test: [
        silent(`${name}HighErrorRate`),
        silent(`${name}AvailabilityBudgetBurn`),
        silent(`${name}HighLatencyP95`),
      ],
    },
    {
      // every request takes 0.5–1 s: p95 above 500 ms
      interval: '1m',
      input_series: [bucket('0.1', 0), bucket('0.5', 0), bucket('1', 10), bucket('+Inf', 10)],
      alert_rule_test: [fires(`${name}HighLatencyP95`, 'warning')],
    },
  ];
  if (database) {
    const connections = (used: number) => [
      { series: `pg_stat_database_numbackends{datname="${database}"}`, values: `${used}x30` },
      { series: 'pg_settings_max_connections', values: '100x30' },
    ];
    tests.push(
      {
        interval: '1m',
        input_series: connections(85),
        alert_rule_test: [fires(`${name}DatabaseConnectionsHigh`, 'warning')],
      },
      {
        interval: '1m',
        input_series: connections(60),
        alert_rule_test: [silent(`${name}DatabaseConnectionsHigh`)],
      },
    );
  }
  return { rule_files: [ruleFile], evaluation_interval: '1m', tests };
}

describe('PrometheusRules pass promtool', () => {
  it('promtool check rules accepts every PrometheusRule in the tree', async () => {
    const rules = await prometheusRules();
    expect(rules.map((r) => r.metadata.name).sort()).toEqual([
      'catalog-slo',
      'main-slo',
      'order-slo',
      'platform-slo',
    ]);
    const dir = tempDir('gate-rules-');
    const result = await checkRules(
      dir,
      rules.map((r) => writeRuleFile(dir, r)),
    );
    expect(result.output).not.toMatch(/FAILED/);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['main', undefined],
    ['catalog', 'catalog_db'],
    ['order', 'order_db'],
  ])(
    'the SLO alerts of %s fire on a breach and stay silent when healthy (promtool test rules)',
    async (service, db) => {
      const rule = (await prometheusRules()).find((r) => r.metadata.name === `${service}-slo`)!;
      const dir = tempDir('gate-ruletest-');
      const ruleFile = writeRuleFile(dir, withoutAnnotations(rule));
      writeFileSync(join(dir, 'test.yaml'), stringify(unitTests(service, ruleFile, db)));
      const result = await testRules(dir, 'test.yaml');
      expect(result.output).toMatch(/SUCCESS/);
      expect(result.ok).toBe(true);
    },
  );

  it('fails a rule with invalid PromQL', async () => {
    const dir = tempDir('gate-badrule-');
    const bad = {
      groups: [{ name: 'x', rules: [{ alert: 'Broken', expr: 'sum(rate(http_requests_total[5m])' }] }],
    };
    writeFileSync(join(dir, 'bad.rules.yaml'), stringify(bad));
    const result = await checkRules(dir, ['bad.rules.yaml']);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/FAILED|parse error|unclosed/i);
  });

  it('fails a unit test whose expectation the rules do not meet', async () => {
    const rule = (await prometheusRules()).find((r) => r.metadata.name === 'order-slo')!;
    const dir = tempDir('gate-wrongtest-');
    const ruleFile = writeRuleFile(dir, withoutAnnotations(rule));
    const test = {
      rule_files: [ruleFile],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: `http_requests_total{${sel('order', ',status_code="500"')}}`, values: '0+10x30' },
          ],
          alert_rule_test: [{ eval_time: '15m', alertname: 'OrderHighErrorRate', exp_alerts: [] }],
        },
      ],
    };
    writeFileSync(join(dir, 'test.yaml'), stringify(test));
    const result = await testRules(dir, 'test.yaml');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/OrderHighErrorRate/);
  });
});
