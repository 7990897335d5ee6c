import { synth } from '../../core/chart';
import { componentModule } from '../component';
import { platformWaves } from '../graph';
import { SECRET_STORE_APP, slackWebhookSecret } from '../secrets';
import { FALCO_APP, SIDEKICK_ENV, SIDEKICK_SECRET, falcoValues } from './falco';
import { appQuotas, operatorNamespaceObjects, toolNetworkPolicies } from './guardrails';
import { kubeBench } from './kube-bench';
import { peopleRbac } from './rbac';

// The security component: Falco + falcosidekick, kube-bench, people's RBAC, NetworkPolicies of the tool
// namespaces, Pod Security labels of the operators' namespaces, and the app namespaces' quotas.

export const SECURITY_NAMESPACE = 'security';
export const OPERATOR_NAMESPACES_APP = 'platform-namespaces';
const SECRETS_APP = 'security-secrets';
/** The Application of apps/namespaces (the seed's namespaces), which the app quotas need first. */
const APP_NAMESPACES_APP = 'namespaces';

export const securityModule = componentModule('security', (config) => ({
  helm: [
    {
      name: FALCO_APP,
      chart: config.platform.charts.falco,
      namespace: SECURITY_NAMESPACE,
      wave: platformWaves.tools,
      values: falcoValues(config),
      dependsOn: [SECRETS_APP],
    },
  ],
  objects: [
    {
      name: OPERATOR_NAMESPACES_APP,
      folder: 'namespaces',
      namespace: 'default',
      wave: platformWaves.namespaces,
      objects: synth((scope) => operatorNamespaceObjects(scope)),
    },
    {
      name: SECRETS_APP,
      folder: 'secrets',
      namespace: SECURITY_NAMESPACE,
      wave: platformWaves.platformSecrets,
      objects: slackWebhookSecret(config, SIDEKICK_SECRET, SECURITY_NAMESPACE, SIDEKICK_ENV),
      dependsOn: [SECRET_STORE_APP],
    },
    {
      name: 'security-policies',
      folder: 'policies',
      namespace: SECURITY_NAMESPACE,
      wave: platformWaves.config,
      objects: synth((scope) => {
        peopleRbac(scope, config, [config.observability.monitoringNamespace]);
        toolNetworkPolicies(scope, config);
        kubeBench(scope, config, SECURITY_NAMESPACE);
      }),
      dependsOn: [OPERATOR_NAMESPACES_APP],
    },
    {
      name: 'app-guardrails',
      folder: 'app-guardrails',
      namespace: 'default',
      wave: platformWaves.appGuardrails,
      objects: synth((scope) => appQuotas(scope, config)),
      dependsOn: [APP_NAMESPACES_APP],
    },
  ],
}));
