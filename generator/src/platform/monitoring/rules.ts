import type { ResolvedConfig } from '../../config/load';
import { appNamespaces } from '../../apps/namespaces';

// Platform-level SLO rules. The apps' own PrometheusRules (src/apps/slo-rules.ts) already alert per
// service on 5xx > 1 % (5m), p95 > 500 ms (5m), the 1h/5m 14.4x availability burn and DB connections.
// Here: recording rules every dashboard and alert reads, the remaining windows of the multi-window
// multi-burn-rate set (6x 6h/30m page, 3x 1d/2h and 1x 3d/6h tickets), latency-budget burn, and fast
// alerts for what the lab's scenarios break (the stock Kubernetes alerts wait ~15 minutes).

export interface RecordingRule {
  record: string;
  expr: string;
}
export interface Alert {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  interval?: string;
  rules: (RecordingRule | Alert)[];
}

/** Windows recorded for the error ratio (every window a burn-rate alert reads). */
export const ERROR_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
const BY = 'namespace, service';
const APP_NS = `namespace=~"${appNamespaces.join('|')}"`;

export const errorRatio = (w: string): string => `sli:http_errors:ratio_rate${w}`;
export const slowRatio = (w: string): string => `sli:http_slow_requests:ratio_rate${w}`;

/** The latency SLO bucket: the histogram has a 0.5 s bucket, the seed's p95 target. */
const latencyLe = (config: ResolvedConfig): string => String(config.slo.latencyP95Ms / 1000);

export function recordingRules(config: ResolvedConfig): RuleGroup[] {
  const le = latencyLe(config);
  const sel = `${APP_NS}`;
  return [
    {
      name: 'sli-http.rules',
      rules: [
        {
          record: 'sli:http_requests:rate5m',
          expr: `sum by (${BY}) (rate(http_requests_total{${sel}}[5m]))`,
        },
        {
          record: 'sli:http_request_duration_seconds:p95_5m',
          expr: `histogram_quantile(0.95, sum by (${BY}, le) (rate(http_request_duration_seconds_bucket{${sel}}[5m])))`,
        },
        ...ERROR_WINDOWS.map((w) => ({
          record: errorRatio(w),
          expr:
            `sum by (${BY}) (rate(http_requests_total{${sel},status_code=~"5.."}[${w}]))` +
            ` / sum by (${BY}) (rate(http_requests_total{${sel}}[${w}]))`,
        })),
        ...(['5m', '30m', '1h', '6h'] as const).map((w) => ({
          record: slowRatio(w),
          expr:
            `1 - sum by (${BY}) (rate(http_request_duration_seconds_bucket{${sel},le="${le}"}[${w}]))` +
            ` / sum by (${BY}) (rate(http_request_duration_seconds_count{${sel}}[${w}]))`,
        })),
        {
          record: 'sli:availability:ratio_rate30d',
          expr:
            `1 - sum by (${BY}) (increase(http_requests_total{${sel},status_code=~"5.."}[30d]))` +
            ` / sum by (${BY}) (increase(http_requests_total{${sel}}[30d]))`,
        },
      ],
    },
    {
      name: 'sli-resources.rules',
      rules: [
        {
          record: 'sli:db_connections:utilization',
          expr: 'sum by (datname) (pg_stat_database_numbackends) / scalar(max(pg_settings_max_connections))',
        },
        {
          record: 'sli:db_pool:utilization',
          expr: `sum by (namespace, service) (db_pool_connections{state="in_use"}) / sum by (namespace, service) (db_pool_max_connections)`,
        },
        {
          record: 'sli:cache_hit:ratio_rate5m',
          expr: 'sum by (namespace, service) (rate(cache_hits_total[5m])) / (sum by (namespace, service) (rate(cache_hits_total[5m])) + sum by (namespace, service) (rate(cache_misses_total[5m])))',
        },
      ],
    },
  ];
}

const slo = (severity: string, extra: Record<string, string> = {}) => ({ severity, slo: 'true', ...extra });

/** Burn-rate pairs not covered by the apps' rules: (factor, long window, short window, severity). */
const BURNS = [
  { factor: 6, long: '6h', short: '30m', severity: 'critical', name: 'Medium' },
  { factor: 3, long: '1d', short: '2h', severity: 'warning', name: 'Slow' },
  { factor: 1, long: '3d', short: '6h', severity: 'warning', name: 'Chronic' },
] as const;

const round = (n: number): number => +n.toFixed(6);

export function burnRateAlerts(config: ResolvedConfig): RuleGroup {
  const budget = 1 - config.slo.availabilityPercent / 100;
  const latencyBudget = 0.05; // p95 < target ⇔ at most 5 % of requests slower than the target
  const rules: Alert[] = BURNS.map((b) => ({
    alert: `ErrorBudgetBurn${b.name}`,
    expr: `${errorRatio(b.long)} > ${round(b.factor * budget)} and ${errorRatio(b.short)} > ${round(b.factor * budget)}`,
    for: b.factor >= 6 ? '2m' : '15m',
    labels: slo(b.severity, { burn: `${b.factor}x` }),
    annotations: {
      summary: `{{ $labels.service }}: error budget burning ${b.factor}x (${b.long} and ${b.short} windows)`,
      description: `At this rate the ${config.slo.availabilityPercent}% availability budget of 30 days lasts ${round(30 / b.factor)} days.`,
    },
  }));
  rules.push({
    alert: 'LatencyBudgetBurnFast',
    expr: `${slowRatio('1h')} > ${round(14.4 * latencyBudget)} and ${slowRatio('5m')} > ${round(14.4 * latencyBudget)}`,
    for: '2m',
    labels: slo('critical', { burn: '14.4x' }),
    annotations: {
      summary: `{{ $labels.service }}: requests slower than ${config.slo.latencyP95Ms} ms burn the latency budget 14.4x`,
      description: 'More than 72 % of requests over 1h and 5m miss the latency target (budget: 5 %).',
    },
  });
  rules.push({
    alert: 'LatencyBudgetBurnMedium',
    expr: `${slowRatio('6h')} > ${round(6 * latencyBudget)} and ${slowRatio('30m')} > ${round(6 * latencyBudget)}`,
    for: '5m',
    labels: slo('warning', { burn: '6x' }),
    annotations: {
      summary: `{{ $labels.service }}: latency budget burning 6x`,
      description: `More than 30 % of requests over 6h and 30m are slower than ${config.slo.latencyP95Ms} ms.`,
    },
  });
  return { name: 'slo-burn-rate.alerts', rules };
}

/** Alerts that fire within 1–2 minutes of what the lab's scenarios break. */
export function fastAlerts(config: ResolvedConfig): RuleGroup {
  const a = (alert: string, expr: string, forDuration: string, severity: string, summary: string): Alert => ({
    alert,
    expr,
    for: forDuration,
    labels: { severity, fast: 'true' },
    annotations: { summary, runbook: `docs/platform.md#${alert.toLowerCase()}` },
  });
  return {
    name: 'lab-fast.alerts',
    rules: [
      a(
        'LabPodCrashLooping',
        `increase(kube_pod_container_status_restarts_total{${APP_NS}}[5m]) >= 2`,
        '1m',
        'critical',
        '{{ $labels.namespace }}/{{ $labels.pod }} restarted {{ $value }} times in 5 minutes',
      ),
      a(
        'LabPodNotReady',
        `sum by (namespace, pod) (kube_pod_status_ready{${APP_NS},condition="false"}) > 0`,
        '2m',
        'warning',
        '{{ $labels.namespace }}/{{ $labels.pod }} is not ready',
      ),
      a(
        'LabNodeNotReady',
        'kube_node_status_condition{condition="Ready",status="true"} == 0',
        '1m',
        'critical',
        'node {{ $labels.node }} is not Ready',
      ),
      a(
        'LabScrapeTargetDown',
        `up{${APP_NS}} == 0`,
        '1m',
        'critical',
        '{{ $labels.namespace }}/{{ $labels.pod }} does not answer /metrics',
      ),
      a(
        'LabCircuitBreakerOpen',
        'max by (namespace, service, breaker) (circuit_breaker_state) == 2',
        '1m',
        'warning',
        '{{ $labels.service }}: circuit breaker {{ $labels.breaker }} is open',
      ),
      a(
        'LabOutboxStuck',
        'max by (namespace, service) (outbox_oldest_unsent_age_seconds) > 60',
        '2m',
        'warning',
        'order outbox: oldest unsent event is {{ $value | humanizeDuration }} old',
      ),
      a(
        'LabCacheErrors',
        'sum by (namespace, service) (rate(cache_errors_total[2m])) > 0',
        '2m',
        'warning',
        '{{ $labels.service }}: Redis operations failing',
      ),
      a(
        'LabDbPoolSaturated',
        `sli:db_pool:utilization > ${config.slo.dbConnectionsPercent / 100}`,
        '2m',
        'warning',
        '{{ $labels.service }}: DB pool above ' + `${config.slo.dbConnectionsPercent}%`,
      ),
      a(
        'LabPostgresExporterDown',
        'absent(pg_up == 1)',
        '5m',
        'warning',
        'no PostgreSQL exporter reports pg_up == 1: the DB-connection SLO is blind',
      ),
      a(
        'LabRolloutDegraded',
        'max by (namespace, name) (rollout_info{phase="Degraded"}) == 1',
        '1m',
        'critical',
        'rollout {{ $labels.namespace }}/{{ $labels.name }} is degraded (aborted)',
      ),
      a(
        'LabFaultInjectionActive',
        'sum by (namespace, service, kind) (rate(fault_injections_total[2m])) > 0',
        '1m',
        'info',
        '{{ $labels.service }}: injecting {{ $labels.kind }} faults on purpose',
      ),
    ],
  };
}

export function platformRuleGroups(config: ResolvedConfig): RuleGroup[] {
  return [...recordingRules(config), burnRateAlerts(config), fastAlerts(config)];
}
