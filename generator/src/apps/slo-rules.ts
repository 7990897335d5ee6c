import type { ResolvedConfig } from '../config/load';
import type { ServiceDef } from './catalog';

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** PromQL for a service's request metrics (the kit's http_requests_total / duration histogram). */
export function sli(def: ServiceDef): { selector: string; errorRatio: (window: string) => string; p95: (w: string) => string } {
  const selector = `namespace="${def.namespace}",service="${def.name}"`;
  return {
    selector,
    errorRatio: (w) =>
      `(sum(rate(http_requests_total{${selector},status_code=~"5.."}[${w}])) / sum(rate(http_requests_total{${selector}}[${w}])))`,
    p95: (w) => `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[${w}])))`,
  };
}

/** The seed's SLO alerts for one kit service, thresholds from the config. */
export function sloAlerts(config: ResolvedConfig, def: ServiceDef): AlertRule[] {
  const { slo } = config;
  const s = sli(def);
  const name = title(def.name);
  const errorBudget = 1 - slo.availabilityPercent / 100;
  const fastBurn = +(14.4 * errorBudget).toFixed(6); // 2 % of a 30-day budget in one hour
  const labels = (severity: string) => ({ severity, service: def.name, slo: 'true' });
  const rules: AlertRule[] = [
    {
      alert: `${name}HighErrorRate`,
      expr: `${s.errorRatio('5m')} > ${slo.errorRatePercent / 100}`,
      for: '5m',
      labels: labels('critical'),
      annotations: {
        summary: `${def.name}: more than ${slo.errorRatePercent}% of requests fail`,
        description: `5xx ratio over 5m is {{ $value | humanizePercentage }} (SLO < ${slo.errorRatePercent}%).`,
      },
    },
    {
      alert: `${name}HighLatencyP95`,
      expr: `${s.p95('5m')} > ${slo.latencyP95Ms / 1000}`,
      for: '5m',
      labels: labels('warning'),
      annotations: {
        summary: `${def.name}: p95 latency above ${slo.latencyP95Ms} ms`,
        description: `p95 over 5m is {{ $value | humanizeDuration }} (SLO < ${slo.latencyP95Ms} ms).`,
      },
    },
    {
      alert: `${name}AvailabilityBudgetBurn`,
      expr: `${s.errorRatio('1h')} > ${fastBurn} and ${s.errorRatio('5m')} > ${fastBurn}`,
      for: '2m',
      labels: labels('critical'),
      annotations: {
        summary: `${def.name}: burning the ${slo.availabilityPercent}% availability budget 14.4x too fast`,
        description: 'Error ratio over 1h and 5m both exceed 14.4x the error budget.',
      },
    },
  ];
  if (def.postgresDatabase) {
    rules.push({
      alert: `${name}DatabaseConnectionsHigh`,
      expr:
        `sum(pg_stat_database_numbackends{datname="${def.postgresDatabase}"}) / ` +
        `max(pg_settings_max_connections) > ${slo.dbConnectionsPercent / 100}`,
      for: '5m',
      labels: labels('warning'),
      annotations: {
        summary: `${def.postgresDatabase}: connections above ${slo.dbConnectionsPercent}% of max_connections`,
        description: 'Connection use is {{ $value | humanizePercentage }} of max_connections.',
      },
    });
  }
  return rules;
}
