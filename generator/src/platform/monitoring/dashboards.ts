import type { ResolvedConfig } from '../../config/load';
import type { Dashboard } from './dashboard-builder';
import { errorRatio } from './rules';

// The lab's dashboards, from the metric names the services expose (services/*/src/metrics.ts, the kit's
// http_* metrics) and the platform's recording rules.

const SVC = 'namespace=~"$namespace",service=~"$service"';
const serviceVars = [
  { name: 'namespace', query: 'label_values(http_requests_total, namespace)' },
  { name: 'service', query: 'label_values(http_requests_total{namespace=~"$namespace"}, service)' },
];

export function dashboards(config: ResolvedConfig): Dashboard[] {
  const budget = 1 - config.slo.availabilityPercent / 100;
  return [
    {
      uid: 'lab-service-red',
      title: 'Services — RED (rate, errors, duration)',
      variables: serviceVars,
      panels: [
        {
          title: 'Requests per second by route',
          unit: 'reqps',
          targets: [
            {
              expr: `sum by (service, route) (rate(http_requests_total{${SVC}}[1m]))`,
              legend: '{{service}} {{route}}',
            },
          ],
        },
        {
          title: '5xx ratio',
          unit: 'percentunit',
          thresholds: [config.slo.errorRatePercent / 200, config.slo.errorRatePercent / 100],
          targets: [
            {
              expr: `sum by (service) (rate(http_requests_total{${SVC},status_code=~"5.."}[1m])) / sum by (service) (rate(http_requests_total{${SVC}}[1m]))`,
              legend: '{{service}}',
            },
          ],
        },
        {
          title: 'Latency p50 / p95 / p99',
          unit: 's',
          thresholds: [config.slo.latencyP95Ms / 2000, config.slo.latencyP95Ms / 1000],
          targets: [0.5, 0.95, 0.99].map((q) => ({
            expr: `histogram_quantile(${q}, sum by (service, le) (rate(http_request_duration_seconds_bucket{${SVC}}[1m])))`,
            legend: `{{service}} p${q * 100}`,
          })),
        },
        {
          title: 'Responses by status code',
          unit: 'reqps',
          targets: [
            {
              expr: `sum by (service, status_code) (rate(http_requests_total{${SVC}}[1m]))`,
              legend: '{{service}} {{status_code}}',
            },
          ],
        },
        {
          title: 'Injected faults (learning scenarios)',
          unit: 'ops',
          targets: [
            {
              expr: `sum by (service, kind) (rate(fault_injections_total{${SVC}}[1m]))`,
              legend: '{{service}} {{kind}}',
            },
          ],
        },
      ],
    },
    {
      uid: 'lab-slo',
      title: 'SLOs and error budget',
      variables: serviceVars,
      panels: [
        {
          title: `Availability, 30 days (SLO ${config.slo.availabilityPercent}%)`,
          kind: 'stat',
          unit: 'percentunit',
          targets: [{ expr: `sli:availability:ratio_rate30d{${SVC}}`, legend: '{{service}}' }],
        },
        {
          title: 'Error budget remaining (30 days)',
          kind: 'stat',
          unit: 'percentunit',
          targets: [
            {
              expr: `1 - (1 - sli:availability:ratio_rate30d{${SVC}}) / ${+budget.toFixed(6)}`,
              legend: '{{service}}',
            },
          ],
        },
        {
          title: 'Burn rate (1h, 6h, 1d)',
          targets: ['1h', '6h', '1d'].map((w) => ({
            expr: `${errorRatio(w)}{${SVC}} / ${+budget.toFixed(6)}`,
            legend: `{{service}} ${w}`,
          })),
        },
        {
          title: `p95 latency (SLO < ${config.slo.latencyP95Ms} ms)`,
          unit: 's',
          thresholds: [config.slo.latencyP95Ms / 2000, config.slo.latencyP95Ms / 1000],
          targets: [{ expr: `sli:http_request_duration_seconds:p95_5m{${SVC}}`, legend: '{{service}}' }],
        },
        {
          title: `DB connections / max_connections (SLO < ${config.slo.dbConnectionsPercent}%)`,
          unit: 'percentunit',
          thresholds: [config.slo.dbConnectionsPercent / 200, config.slo.dbConnectionsPercent / 100],
          targets: [{ expr: 'sli:db_connections:utilization', legend: '{{datname}}' }],
        },
        {
          title: 'Requests slower than the latency target',
          unit: 'percentunit',
          targets: [{ expr: `sli:http_slow_requests:ratio_rate5m{${SVC}}`, legend: '{{service}}' }],
        },
      ],
    },
    {
      uid: 'lab-resilience',
      title: 'Resilience — breakers, cache, outbox, pools',
      panels: [
        {
          title: 'Circuit breaker state (0 closed, 1 half-open, 2 open)',
          thresholds: [1, 2],
          targets: [{ expr: 'max by (service, breaker) (circuit_breaker_state)', legend: '{{breaker}}' }],
        },
        {
          title: 'Circuit breaker events',
          unit: 'ops',
          targets: [
            {
              expr: 'sum by (breaker, event) (rate(circuit_breaker_events_total[1m]))',
              legend: '{{breaker}} {{event}}',
            },
          ],
        },
        {
          title: 'Catalog cache hit ratio',
          unit: 'percentunit',
          targets: [{ expr: 'sli:cache_hit:ratio_rate5m', legend: '{{service}}' }],
        },
        {
          title: 'Cache errors (Redis)',
          unit: 'ops',
          targets: [
            { expr: 'sum by (service, operation) (rate(cache_errors_total[1m]))', legend: '{{operation}}' },
          ],
        },
        {
          title: 'Outbox backlog (events)',
          targets: [{ expr: 'max by (service) (outbox_backlog_events)', legend: 'backlog' }],
        },
        {
          title: 'Outbox oldest unsent event age',
          unit: 's',
          thresholds: [30, 60],
          targets: [{ expr: 'max by (service) (outbox_oldest_unsent_age_seconds)', legend: 'age' }],
        },
        {
          title: 'DB pool use',
          unit: 'percentunit',
          thresholds: [0.6, config.slo.dbConnectionsPercent / 100],
          targets: [{ expr: 'sli:db_pool:utilization', legend: '{{service}}' }],
        },
        {
          title: 'Catalog DB query p95',
          unit: 's',
          targets: [
            {
              expr: 'histogram_quantile(0.95, sum by (statement, le) (rate(db_query_duration_seconds_bucket[5m])))',
              legend: '{{statement}}',
            },
          ],
        },
        {
          title: 'Orders created / status transitions',
          unit: 'ops',
          targets: [
            { expr: 'sum(rate(orders_created_total[1m]))', legend: 'created' },
            { expr: 'sum by (to) (rate(order_status_transitions_total[1m]))', legend: '→ {{to}}' },
          ],
        },
        {
          title: 'Downstream call p95 (main)',
          unit: 's',
          targets: [
            {
              expr: 'histogram_quantile(0.95, sum by (downstream, le) (rate(downstream_request_duration_seconds_bucket[5m])))',
              legend: '{{downstream}}',
            },
          ],
        },
      ],
    },
    {
      uid: 'lab-rollouts',
      title: 'Rollouts',
      panels: [
        {
          title: 'Rollout phase',
          targets: [
            {
              expr: 'max by (namespace, name, phase) (rollout_info) == 1',
              legend: '{{namespace}}/{{name}} {{phase}}',
            },
          ],
        },
        {
          title: 'Desired vs available replicas',
          targets: [
            { expr: 'max by (name) (rollout_info_replicas_desired)', legend: '{{name}} desired' },
            { expr: 'max by (name) (rollout_info_replicas_available)', legend: '{{name}} available' },
          ],
        },
        {
          title: 'Analysis runs by phase',
          targets: [
            { expr: 'sum by (namespace, phase) (analysis_run_phase)', legend: '{{namespace}} {{phase}}' },
          ],
        },
        {
          title: 'Canary vs stable 5xx ratio',
          unit: 'percentunit',
          targets: [
            {
              expr: 'sum by (service, rollouts_pod_template_hash) (rate(http_requests_total{status_code=~"5.."}[1m])) / sum by (service, rollouts_pod_template_hash) (rate(http_requests_total[1m]))',
              legend: '{{service}} {{rollouts_pod_template_hash}}',
            },
          ],
        },
      ],
    },
    {
      uid: 'lab-cluster-health',
      title: 'Nodes and pods',
      panels: [
        {
          title: 'Nodes not Ready',
          kind: 'stat',
          thresholds: [1, 1],
          targets: [
            { expr: 'sum(kube_node_status_condition{condition="Ready",status="true"} == 0) or vector(0)' },
          ],
        },
        {
          title: 'Pods not ready (app namespaces)',
          kind: 'stat',
          thresholds: [1, 3],
          targets: [
            {
              expr: 'sum(kube_pod_status_ready{namespace=~"frontend|backend",condition="false"}) or vector(0)',
            },
          ],
        },
        {
          title: 'Container restarts (15m)',
          targets: [
            {
              expr: 'sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[15m])) > 0',
              legend: '{{namespace}}/{{pod}}',
            },
          ],
        },
        {
          title: 'Node CPU use',
          unit: 'percentunit',
          targets: [
            {
              expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
              legend: '{{instance}}',
            },
          ],
        },
        {
          title: 'Node memory use',
          unit: 'percentunit',
          targets: [
            {
              expr: '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
              legend: '{{instance}}',
            },
          ],
        },
        {
          title: 'Pod CPU by namespace',
          unit: 'short',
          targets: [
            {
              expr: 'sum by (namespace) (rate(container_cpu_usage_seconds_total{container!=""}[5m]))',
              legend: '{{namespace}}',
            },
          ],
        },
      ],
    },
  ];
}
