import { kitEndpoints } from '@eks-sre-lab/kit/contract';
import type { Construct } from 'constructs';
import { PrometheusRule, PrometheusRuleSpecGroupsRulesExpr } from '../../imports/monitoring-prometheusrule-monitoring.coreos.com';
import { ServiceMonitor, ServiceMonitorSpecEndpointsScheme } from '../../imports/monitoring-servicemonitor-monitoring.coreos.com';
import type { ResolvedConfig } from '../config/load';
import { commonLabels, labels, type ServiceDef } from './catalog';
import { sloAlerts } from './slo-rules';

/** Labels the kube-prometheus-stack Prometheus selects ServiceMonitors / PrometheusRules by. */
export const prometheusSelector = { release: 'kube-prometheus-stack' } as const;

/**
 * Scrapes the primary Service only (stable/canary Services select the same pods) and copies the Rollouts
 * pod-template hash onto every series, so analysis can look at the canary's own pods.
 */
export function serviceMonitor(scope: Construct, def: ServiceDef): void {
  if (!def.kit) return;
  new ServiceMonitor(scope, 'servicemonitor', {
    metadata: { name: def.name, namespace: def.namespace, labels: { ...commonLabels(def), ...prometheusSelector } },
    spec: {
      selector: { matchLabels: { [labels.name]: def.name, [labels.endpoint]: 'primary' } },
      podTargetLabels: [labels.podTemplateHash],
      endpoints: [{ port: 'http', path: kitEndpoints.metrics, interval: '15s', scheme: ServiceMonitorSpecEndpointsScheme.HTTP }],
    },
  });
}

export function sloRules(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  if (!def.kit) return;
  new PrometheusRule(scope, 'prometheusrule', {
    metadata: { name: `${def.name}-slo`, namespace: def.namespace, labels: { ...commonLabels(def), ...prometheusSelector } },
    spec: {
      groups: [
        {
          name: `${def.name}-slo`,
          rules: sloAlerts(config, def).map((rule) => ({ ...rule, expr: PrometheusRuleSpecGroupsRulesExpr.fromString(rule.expr) })),
        },
      ],
    },
  });
}
