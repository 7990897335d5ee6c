import { externalSecret } from '../apps/secrets';
import { prometheusSelector } from '../apps/observability';
import { gitApplication, helmApplication, helmValuesFile, waves } from '../core/argocd';
import { synth } from '../core/chart';
import { resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import type { ResolvedConfig } from '../config/load';

// Argo Rollouts itself (controller + CRDs) from its pinned Helm chart, with Slack notifications on abort and
// on failed analysis. The Slack token comes from AWS Secrets Manager through an ExternalSecret.
export const DIR = 'platform/argo-rollouts';
const NAMESPACE = 'argo-rollouts';
const NOTIFICATION_SECRET = 'argo-rollouts-notification-secret';

function values(config: ResolvedConfig): unknown {
  const attachment = (color: string, text: string) =>
    `message: ${text}\nslack:\n  attachments: |\n    [{"color": "${color}", "title": "{{.rollout.metadata.namespace}}/{{.rollout.metadata.name}}", "text": "${text}"}]\n`;
  return {
    installCRDs: true,
    controller: {
      replicas: config.profile === 'budget' ? 1 : 2,
      metrics: { enabled: true, serviceMonitor: { enabled: true, additionalLabels: prometheusSelector } },
    },
    dashboard: { enabled: false },
    notifications: {
      secret: { create: false }, // written by the ExternalSecret below
      notifiers: { 'service.slack': 'token: $slack-token\n' },
      templates: {
        'template.rollout-aborted': attachment('#E96D76', 'Rollout aborted: {{.rollout.status.message}}'),
        'template.analysis-run-failed': attachment('#E96D76', 'Analysis failed; the rollout is rolled back.'),
      },
      triggers: {
        'trigger.on-rollout-aborted': '- send: [rollout-aborted]\n',
        'trigger.on-analysis-run-failed': '- send: [analysis-run-failed]\n',
      },
    },
  };
}

export const argoRolloutsModule: OutputModule = {
  name: 'platform/argo-rollouts',
  render: (config) => {
    const chart = config.charts.argoRollouts;
    const valuesPath = `${DIR}/values.yaml`;
    return [
      helmValuesFile(valuesPath, chart, values(config)),
      ...resourceDir(
        `${DIR}/applications`,
        synth((scope) => {
          helmApplication(scope, config, {
            name: 'argo-rollouts',
            destinationNamespace: NAMESPACE,
            wave: waves.crdsAndControllers,
            chart,
            valuesPath,
          });
          gitApplication(scope, config, {
            name: 'argo-rollouts-config',
            destinationNamespace: NAMESPACE,
            wave: waves.platform,
            path: `${DIR}/config`,
          });
        }),
      ),
      ...resourceDir(
        `${DIR}/config`,
        synth((scope) =>
          externalSecret(scope, config, { name: NOTIFICATION_SECRET, namespace: NAMESPACE }, [
            { secretKey: 'slack-token', remoteRef: { key: config.notifications.slackTokenKey, property: 'token' } },
          ]),
        ),
      ),
    ];
  },
};
