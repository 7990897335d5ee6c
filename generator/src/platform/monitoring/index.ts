import { KubeConfigMap } from '../../../imports/k8s';
import {
  ServiceMonitor,
  ServiceMonitorSpecEndpointsScheme,
} from '../../../imports/monitoring-servicemonitor-monitoring.coreos.com';
import {
  PrometheusRule,
  PrometheusRuleSpecGroupsRulesExpr,
} from '../../../imports/monitoring-prometheusrule-monitoring.coreos.com';
import { externalSecret } from '../../apps/secrets';
import { prometheusSelector } from '../../apps/observability';
import { synth } from '../../core/chart';
import type { ResolvedConfig } from '../../config/load';
import { componentModule } from '../component';
import { platformWaves } from '../graph';
import { STORAGE_APP } from '../scaling';
import { SECRET_STORE_APP, slackWebhookSecret } from '../secrets';
import { dashboardJson } from './dashboard-builder';
import { dashboards } from './dashboards';
import { platformRuleGroups } from './rules';

export const MONITORING_APP = 'kube-prometheus-stack';
const SECRETS_APP = 'monitoring-secrets';
const ALERTMANAGER_SLACK = 'alertmanager-slack';
const GRAFANA_ADMIN = 'grafana-admin';
const PG_EXPORTER_DSN = 'postgres-exporter-dsn';

function kubePrometheusStackValues(config: ResolvedConfig): unknown {
  const budget = config.profile === 'budget';
  return {
    crds: { enabled: true },
    // EKS runs the control plane: nothing to scrape there
    kubeControllerManager: { enabled: false },
    kubeScheduler: { enabled: false },
    kubeEtcd: { enabled: false },
    kubeProxy: { enabled: false },
    prometheus: {
      prometheusSpec: {
        replicas: budget ? 1 : 2,
        retention: budget ? '7d' : '30d', // the 30-day availability SLI needs 30 days
        resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '3Gi' } },
        storageSpec: {
          volumeClaimTemplate: {
            spec: {
              storageClassName: 'gp3',
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: budget ? '20Gi' : '50Gi' } },
            },
          },
        },
      },
    },
    alertmanager: {
      alertmanagerSpec: { replicas: budget ? 1 : 2, secrets: [ALERTMANAGER_SLACK] },
      config: {
        global: {
          resolve_timeout: '5m',
          slack_api_url_file: `/etc/alertmanager/secrets/${ALERTMANAGER_SLACK}/url`,
        },
        route: {
          receiver: 'slack',
          group_by: ['alertname', 'namespace', 'service'],
          group_wait: '30s',
          group_interval: '5m',
          repeat_interval: '4h',
          routes: [
            { matchers: ['alertname = "Watchdog"'], receiver: 'null' },
            { matchers: ['alertname = "InfoInhibitor"'], receiver: 'null' },
            { matchers: ['severity = "info"'], receiver: 'null' },
          ],
        },
        inhibit_rules: [
          {
            source_matchers: ['severity = "critical"'],
            target_matchers: ['severity = "warning"'],
            equal: ['alertname', 'namespace', 'service'],
          },
        ],
        receivers: [
          { name: 'null' },
          {
            name: 'slack',
            slack_configs: [
              {
                channel: `#${config.notifications.slackChannel}`,
                send_resolved: true,
                title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} {{ .CommonLabels.service }}',
                text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}',
              },
            ],
          },
        ],
      },
    },
    grafana: {
      admin: { existingSecret: GRAFANA_ADMIN, userKey: 'admin-user', passwordKey: 'admin-password' },
      sidecar: {
        dashboards: {
          enabled: true,
          label: 'grafana_dashboard',
          labelValue: '1',
          searchNamespace: 'ALL',
          folderAnnotation: 'grafana_folder',
          provider: { foldersFromFilesStructure: true },
        },
      },
    },
  };
}

function postgresExporterValues(): unknown {
  return {
    config: { datasourceSecret: { name: PG_EXPORTER_DSN, key: 'DATA_SOURCE_NAME' } },
    serviceMonitor: { enabled: true, labels: prometheusSelector },
    securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    containerSecurityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
  };
}

function secrets(config: ResolvedConfig, ns: string) {
  // One exporter reads pg_stat_database for every database of the RDS instance (both DBs share it).
  const rds = `${config.secrets.keyPrefix}/rds/catalog_db`;
  return [
    ...slackWebhookSecret(config, ALERTMANAGER_SLACK, ns),
    ...synth((scope) => {
      externalSecret(scope, config, { name: GRAFANA_ADMIN, namespace: ns }, [
        {
          secretKey: 'admin-user',
          remoteRef: { key: `${config.secrets.keyPrefix}/grafana`, property: 'username' },
        },
        {
          secretKey: 'admin-password',
          remoteRef: { key: `${config.secrets.keyPrefix}/grafana`, property: 'password' },
        },
      ]);
      externalSecret(
        scope,
        config,
        { name: PG_EXPORTER_DSN, namespace: ns },
        ['username', 'password', 'host', 'port'].map((p) => ({
          secretKey: p,
          remoteRef: { key: rds, property: p },
        })),
        {
          DATA_SOURCE_NAME:
            'postgresql://{{ .username | urlquery }}:{{ .password | urlquery }}@{{ .host }}:{{ .port }}/postgres?sslmode=require',
        },
      );
    }),
  ];
}

function rulesAndDashboards(config: ResolvedConfig, ns: string) {
  return synth((scope) => {
    new PrometheusRule(scope, 'platform-slo', {
      metadata: { name: 'platform-slo', namespace: ns, labels: { ...prometheusSelector } },
      spec: {
        groups: platformRuleGroups(config).map((g) => ({
          name: g.name,
          rules: g.rules.map((r) => ({ ...r, expr: PrometheusRuleSpecGroupsRulesExpr.fromString(r.expr) })),
        })),
      },
    });
    // Argo Rollouts' controller metrics (rollout_info, analysis_run_*), for the rollouts dashboard and alerts
    new ServiceMonitor(scope, 'argo-rollouts', {
      metadata: { name: 'argo-rollouts', namespace: 'argo-rollouts', labels: { ...prometheusSelector } },
      spec: {
        selector: {
          matchLabels: {
            'app.kubernetes.io/name': 'argo-rollouts',
            'app.kubernetes.io/component': 'rollouts-controller',
          },
        },
        endpoints: [{ port: 'metrics', interval: '30s', scheme: ServiceMonitorSpecEndpointsScheme.HTTP }],
      },
    });
    for (const d of dashboards(config)) {
      new KubeConfigMap(scope, `dashboard-${d.uid}`, {
        metadata: {
          name: `dashboard-${d.uid}`,
          namespace: ns,
          labels: { grafana_dashboard: '1' },
          annotations: { grafana_folder: 'EKS SRE Lab' },
        },
        data: { [`${d.uid}.json`]: JSON.stringify(dashboardJson(d), null, 2) },
      });
    }
  });
}

export const monitoringModule = componentModule('monitoring', (config) => {
  const ns = config.observability.monitoringNamespace;
  return {
    helm: [
      {
        name: MONITORING_APP,
        chart: config.platform.charts.kubePrometheusStack,
        namespace: ns,
        wave: platformWaves.tools,
        values: kubePrometheusStackValues(config),
        dependsOn: [SECRETS_APP, STORAGE_APP],
      },
      {
        name: 'postgres-exporter',
        chart: config.platform.charts.postgresExporter,
        namespace: ns,
        wave: platformWaves.config,
        values: postgresExporterValues(),
        dependsOn: [MONITORING_APP, SECRETS_APP],
      },
    ],
    objects: [
      {
        name: SECRETS_APP,
        folder: 'secrets',
        namespace: ns,
        wave: platformWaves.platformSecrets,
        objects: secrets(config, ns),
        dependsOn: [SECRET_STORE_APP],
      },
      {
        name: 'monitoring-config',
        folder: 'config',
        namespace: ns,
        wave: platformWaves.config,
        objects: rulesAndDashboards(config, ns),
        dependsOn: [MONITORING_APP, 'argo-rollouts'],
      },
    ],
  };
});
