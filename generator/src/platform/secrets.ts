import {
  ClusterSecretStore,
  ClusterSecretStoreSpecProviderAwsService,
} from '../../imports/external-secrets-clustersecretstore-external-secrets.io';
import { externalSecret } from '../apps/secrets';
import { synth } from '../core/chart';
import type { ResolvedConfig } from '../config/load';
import { irsa } from './aws';
import { componentModule } from './component';
import { platformWaves } from './graph';
import { hardenedChartDefaults } from './pod-defaults';

// External Secrets Operator and the one ClusterSecretStore every ExternalSecret of the tree names. The
// controller authenticates with its own IRSA role (no credentials in the store).
export const ESO_NAMESPACE = 'external-secrets';
export const ESO_APP = 'external-secrets';
export const SECRET_STORE_APP = 'secret-store';

/** The Slack incoming-webhook URL (Secrets Manager key `platform.slackWebhookKey`, property `url`). */
export function slackWebhookSecret(config: ResolvedConfig, name: string, namespace: string, key = 'url') {
  return synth((scope) =>
    externalSecret(scope, config, { name, namespace }, [
      { secretKey: key, remoteRef: { key: config.platform.slackWebhookKey, property: 'url' } },
    ]),
  );
}

export const secretsModule = componentModule('secrets', (config) => ({
  helm: [
    {
      name: ESO_APP,
      chart: config.platform.charts.externalSecrets,
      namespace: ESO_NAMESPACE,
      wave: platformWaves.operators,
      values: {
        installCRDs: true,
        replicaCount: config.profile === 'budget' ? 1 : 2,
        serviceAccount: { annotations: irsa(config, 'external-secrets') },
        serviceMonitor: { enabled: false }, // the CRD arrives with kube-prometheus-stack, a later wave
        ...hardenedChartDefaults,
      },
    },
  ],
  objects: [
    {
      name: SECRET_STORE_APP,
      folder: 'store',
      namespace: ESO_NAMESPACE,
      wave: platformWaves.secretStore,
      dependsOn: [ESO_APP],
      objects: synth((scope) => {
        new ClusterSecretStore(scope, 'store', {
          metadata: { name: config.secrets.clusterSecretStore },
          spec: {
            provider: {
              aws: {
                service: ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER,
                region: config.aws.region,
              },
            },
          },
        });
      }),
    },
  ],
}));
