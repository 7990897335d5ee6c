import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { K8sObject } from './gate/kustomize';
import { REPO_ROOT } from './gate/paths';
import { tempDir, testRules, writeRuleFile } from './gate/promtool';

// promtool unit tests for the platform's own alerts (platform-slo): the remaining burn-rate windows and
// the fast alerts the scenarios rely on. Each fires on the breach and stays silent when healthy.

const RULE_FILE = 'platform/monitoring/config/prometheusrule-monitoring-platform-slo.yaml';
type Spec = { groups: { rules: { annotations?: unknown }[] }[] };

function ruleWithoutAnnotations(): K8sObject {
  const rule = parse(readFileSync(join(REPO_ROOT, RULE_FILE), 'utf8')) as K8sObject;
  const spec = rule['spec'] as Spec;
  for (const g of spec.groups) for (const r of g.rules) delete r.annotations;
  return rule;
}

const svc = 'namespace="backend",service="order"';
const svcLabels = { namespace: 'backend', service: 'order' };
const requests = (status: string, perMinute: number, minutes: number) => ({
  series: `http_requests_total{${svc},status_code="${status}"}`,
  values: `0+${perMinute}x${minutes}`,
});
const bucket = (le: string, perMinute: number) => ({
  series: `http_request_duration_seconds_bucket{${svc},le="${le}"}`,
  values: `0+${perMinute}x90`,
});
const count = (perMinute: number) => ({
  series: `http_request_duration_seconds_count{${svc}}`,
  values: `0+${perMinute}x90`,
});
const fires = (alertname: string, eval_time: string, exp_labels: Record<string, string>) => ({
  eval_time,
  alertname,
  exp_alerts: [{ exp_labels }],
});
const silent = (alertname: string, eval_time: string) => ({ eval_time, alertname, exp_alerts: [] });
const fast = (severity: string, labels: Record<string, string>) => ({ ...labels, severity, fast: 'true' });

const unitTests = (ruleFile: string) => ({
  rule_files: [ruleFile],
  evaluation_interval: '1m',
  tests: [
    {
      // 5 % errors for 7 hours: burns the 99.9 % budget 50x, above the 6x page threshold
      interval: '1m',
      input_series: [requests('200', 95, 420), requests('500', 5, 420)],
      alert_rule_test: [
        fires('ErrorBudgetBurnMedium', '7h', { ...svcLabels, severity: 'critical', slo: 'true', burn: '6x' }),
      ],
    },
    {
      // 0.05 % errors: within budget
      interval: '1m',
      input_series: [requests('200', 9995, 420), requests('500', 5, 420)],
      alert_rule_test: [silent('ErrorBudgetBurnMedium', '7h')],
    },
    {
      // every request slower than 500 ms for 90 minutes, then all fast
      interval: '1m',
      input_series: [bucket('0.5', 0), count(100)],
      alert_rule_test: [
        fires('LatencyBudgetBurnFast', '80m', {
          ...svcLabels,
          severity: 'critical',
          slo: 'true',
          burn: '14.4x',
        }),
      ],
    },
    {
      interval: '1m',
      input_series: [bucket('0.5', 100), count(100)],
      alert_rule_test: [silent('LatencyBudgetBurnFast', '80m')],
    },
    {
      interval: '1m',
      input_series: [
        {
          series:
            'kube_pod_container_status_restarts_total{namespace="backend",pod="order-1",container="order"}',
          values: '0+1x10',
        },
        {
          series:
            'kube_pod_container_status_restarts_total{namespace="backend",pod="order-2",container="order"}',
          values: '3x10',
        },
        { series: 'kube_node_status_condition{node="n1",condition="Ready",status="true"}', values: '0x10' },
        { series: 'kube_node_status_condition{node="n2",condition="Ready",status="true"}', values: '1x10' },
        { series: `circuit_breaker_state{${svc},breaker="catalog"}`, values: '2x10' },
        { series: `db_pool_connections{${svc},state="in_use"}`, values: '9x10' },
        { series: `db_pool_max_connections{${svc}}`, values: '10x10' },
        { series: 'rollout_info{namespace="backend",name="main",phase="Degraded"}', values: '1x10' },
      ],
      alert_rule_test: [
        fires(
          'LabPodCrashLooping',
          '5m',
          fast('critical', { namespace: 'backend', pod: 'order-1', container: 'order' }),
        ),
        fires('LabNodeNotReady', '5m', fast('critical', { node: 'n1', condition: 'Ready', status: 'true' })),
        fires('LabCircuitBreakerOpen', '5m', fast('warning', { ...svcLabels, breaker: 'catalog' })),
        fires('LabDbPoolSaturated', '5m', fast('warning', svcLabels)),
        fires('LabRolloutDegraded', '5m', fast('critical', { namespace: 'backend', name: 'main' })),
      ],
    },
    {
      // healthy: no restarts, nodes ready, breaker closed, pool at half
      interval: '1m',
      input_series: [
        {
          series:
            'kube_pod_container_status_restarts_total{namespace="backend",pod="order-1",container="order"}',
          values: '0x10',
        },
        { series: 'kube_node_status_condition{node="n1",condition="Ready",status="true"}', values: '1x10' },
        { series: `circuit_breaker_state{${svc},breaker="catalog"}`, values: '0x10' },
        { series: `db_pool_connections{${svc},state="in_use"}`, values: '5x10' },
        { series: `db_pool_max_connections{${svc}}`, values: '10x10' },
        { series: 'rollout_info{namespace="backend",name="main",phase="Healthy"}', values: '1x10' },
      ],
      alert_rule_test: [
        'LabPodCrashLooping',
        'LabNodeNotReady',
        'LabCircuitBreakerOpen',
        'LabDbPoolSaturated',
        'LabRolloutDegraded',
      ].map((a) => silent(a, '5m')),
    },
  ],
});

describe('platform-slo alerts (promtool test rules)', () => {
  it('fire on the breach within minutes and stay silent when healthy', async () => {
    const dir = tempDir('gate-platform-rules-');
    const ruleFile = writeRuleFile(dir, ruleWithoutAnnotations());
    writeFileSync(join(dir, 'test.yaml'), stringify(unitTests(ruleFile)));
    const result = await testRules(dir, 'test.yaml');
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.ok).toBe(true);
  });

  it('fails when an alert the scenarios rely on is missing from the rules', async () => {
    const rule = ruleWithoutAnnotations();
    const spec = rule['spec'] as { groups: { rules: { alert?: string }[] }[] };
    for (const g of spec.groups) g.rules = g.rules.filter((r) => r.alert !== 'LabNodeNotReady');
    const dir = tempDir('gate-platform-rules-');
    const ruleFile = writeRuleFile(dir, rule);
    writeFileSync(join(dir, 'test.yaml'), stringify(unitTests(ruleFile)));
    const result = await testRules(dir, 'test.yaml');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/LabNodeNotReady/);
  });
});
