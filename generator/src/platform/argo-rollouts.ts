import { externalSecret } from '../apps/secrets';
import type { ResolvedConfig } from '../config/load';
import { synth } from '../core/chart';
import { componentModule } from './component';
import { platformWaves } from './graph';
import { SECRET_STORE_APP } from './secrets';

// Argo Rollouts itself (controller + CRDs) from its pinned Helm chart, with Slack notifications on abort and
// on failed analysis. The Slack token comes from AWS Secrets Manager through an ExternalSecret.
const NAMESPACE = 'argo-rollouts';
const NOTIFICATION_SECRET = 'argo-rollouts-notification-secret';
export const ROLLOUTS_APP = 'argo-rollouts';

function values(config: ResolvedConfig): unknown {
  const attachment = (color: string, text: string) =>
    `message: ${text}\nslack:\n  attachments: |\n    [{"color": "${color}", "title": "{{.rollout.metadata.namespace}}/{{.rollout.metadata.name}}", "text": "${text}"}]\n`;
  return {
    installCRDs: true,
    controller: {
      replicas: config.profile === 'budget' ? 1 : 2,
      // its ServiceMonitor is in platform/monitoring/config: the CRD arrives with kube-prometheus-stack, later
      metrics: { enabled: true, serviceMonitor: { enabled: false } },
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

export const argoRolloutsModule = componentModule('argo-rollouts', (config) => ({
  helm: [
    {
      name: ROLLOUTS_APP,
      chart: config.charts.argoRollouts,
      namespace: NAMESPACE,
      wave: platformWaves.operators,
      values: values(config),
    },
  ],
  objects: [
    {
      name: 'argo-rollouts-config',
      folder: 'config',
      namespace: NAMESPACE,
      wave: platformWaves.platformSecrets,
      dependsOn: [ROLLOUTS_APP, SECRET_STORE_APP],
      objects: synth((scope) =>
        externalSecret(scope, config, { name: NOTIFICATION_SECRET, namespace: NAMESPACE }, [
          {
            secretKey: 'slack-token',
            remoteRef: { key: config.notifications.slackTokenKey, property: 'token' },
          },
        ]),
      ),
    },
  ],
}));
