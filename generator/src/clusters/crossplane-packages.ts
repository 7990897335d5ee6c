import type { Construct } from 'constructs';
import {
  ClusterProviderConfig as AwsProviderConfig,
  ClusterProviderConfigSpecCredentialsSource as AwsSource,
} from '../../imports/aws-clusterproviderconfigs-aws.m.upbound.io';
import { Function as CrossplaneFunction } from '../../imports/crossplane-function-pkg.crossplane.io';
import { ManagedResourceActivationPolicy } from '../../imports/crossplane-mrap-apiextensions.crossplane.io';
import { Provider } from '../../imports/crossplane-provider-pkg.crossplane.io';
import { DeploymentRuntimeConfig } from '../../imports/crossplane-runtimeconfig-pkg.crossplane.io';
import {
  ClusterSecretStore,
  ClusterSecretStoreSpecProviderAwsService,
} from '../../imports/external-secrets-clustersecretstore-external-secrets.io';
import {
  KubeClusterRole,
  KubeClusterRoleBinding,
} from '../../imports/k8s';
import {
  ClusterProviderConfig as KubernetesProviderConfig,
  ClusterProviderConfigSpecCredentialsSource as KubernetesSource,
} from '../../imports/kubernetes-clusterproviderconfig-kubernetes.m.crossplane.io';
import type { ResolvedConfig } from '../config/load';
import { labApis } from '../crossplane/apis';
import { MANAGEMENT_SECRET_STORE } from '../crossplane/secrets';
import { AWS_PROVIDER_CONFIG, KUBERNETES_PROVIDER_CONFIG } from '../crossplane/xr';

export const CROSSPLANE_NAMESPACE = 'crossplane-system';
const REGISTRY = 'xpkg.crossplane.io/crossplane-contrib';
/** The AWS provider families the compositions use (one provider per AWS service). */
export const AWS_FAMILIES = ['ec2', 'eks', 'iam', 'rds', 'elasticache', 's3', 'efs', 'ecr', 'secretsmanager'];
/** Secret holding AWS keys on a kind management cluster (created by hand, never committed: docs/aws.md). */
export const AWS_CREDENTIALS_SECRET = 'aws-credentials';

/** Providers with a fixed service account name, so Pod Identity (EKS management cluster) can bind a role. */
export function crossplanePackages(scope: Construct, config: ResolvedConfig): void {
  const versions = config.management.crossplane;
  const providers = [
    ...AWS_FAMILIES.map((f) => ({ name: `provider-aws-${f}`, version: versions.awsProviderVersion })),
    { name: 'provider-kubernetes', version: versions.kubernetesProviderVersion },
  ];
  for (const p of providers) {
    new DeploymentRuntimeConfig(scope, `drc-${p.name}`, {
      metadata: { name: p.name },
      spec: { serviceAccountTemplate: { metadata: { name: p.name } } },
    });
    new Provider(scope, `provider-${p.name}`, {
      metadata: { name: p.name },
      spec: {
        package: `${REGISTRY}/${p.name}:${p.version}`,
        runtimeConfigRef: { apiVersion: 'pkg.crossplane.io/v1beta1', kind: 'DeploymentRuntimeConfig', name: p.name },
      },
    });
  }
  for (const [name, version] of [
    ['function-patch-and-transform', versions.patchAndTransformVersion],
    ['function-auto-ready', versions.autoReadyVersion],
  ] as const) {
    new CrossplaneFunction(scope, `fn-${name}`, {
      metadata: { name },
      spec: { package: `${REGISTRY}/${name}:${version}` },
    });
  }
  new ManagedResourceActivationPolicy(scope, 'mrap', {
    metadata: { name: 'eks-sre-lab' },
    spec: { activate: activatedKinds(config) },
  });
}

const plural = (kind: string): string => {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('s') ? lower : `${lower}s`;
};

/** Managed resource definitions (`<plural>.<group>`) of exactly the kinds the compositions compose. */
export function activatedKinds(config: ResolvedConfig): string[] {
  const names = new Set<string>();
  for (const api of labApis) {
    for (const r of api.resources(config)) {
      const { apiVersion, kind } = r.base as { apiVersion: string; kind: string };
      const group = apiVersion.split('/')[0]!;
      if (group.endsWith('.aws.m.upbound.io') || group === 'kubernetes.m.crossplane.io')
        names.add(`${plural(kind)}.${group}`);
    }
  }
  return [...names].sort();
}

/** Credentials: Pod Identity on an EKS management cluster, a hand-made Secret on kind. */
export function crossplaneConfig(scope: Construct, config: ResolvedConfig): void {
  const eks = config.management.cluster === 'eks';
  new AwsProviderConfig(scope, 'aws-provider-config', {
    metadata: { name: AWS_PROVIDER_CONFIG.name },
    spec: {
      credentials: eks
        ? { source: AwsSource.POD_IDENTITY }
        : {
            source: AwsSource.SECRET,
            secretRef: { namespace: CROSSPLANE_NAMESPACE, name: AWS_CREDENTIALS_SECRET, key: 'credentials' },
          },
    },
  });
  new KubernetesProviderConfig(scope, 'kubernetes-provider-config', {
    metadata: { name: KUBERNETES_PROVIDER_CONFIG.name },
    spec: { credentials: { source: KubernetesSource.INJECTED_IDENTITY } },
  });
  // provider-kubernetes writes Argo CD cluster Secrets and reads the lab's EKS clusters and Networks.
  new KubeClusterRole(scope, 'pk-role', {
    metadata: { name: 'provider-kubernetes-lab-registration' },
    rules: [
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
      { apiGroups: ['eks.aws.m.upbound.io', 'aws.eks-sre-lab.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  new KubeClusterRoleBinding(scope, 'pk-binding', {
    metadata: { name: 'provider-kubernetes-lab-registration' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'provider-kubernetes-lab-registration' },
    subjects: [{ kind: 'ServiceAccount', name: 'provider-kubernetes', namespace: CROSSPLANE_NAMESPACE }],
  });
  // Crossplane composes PushSecrets (not a Crossplane kind): aggregate the rights into its own role.
  new KubeClusterRole(scope, 'crossplane-pushsecrets', {
    metadata: {
      name: 'crossplane-compose-pushsecrets',
      labels: { 'rbac.crossplane.io/aggregate-to-crossplane': 'true' },
    },
    rules: [{ apiGroups: ['external-secrets.io'], resources: ['pushsecrets'], verbs: ['*'] }],
  });
  // External Secrets on the management cluster: the compositions' PushSecrets write through this store.
  new ClusterSecretStore(scope, 'store', {
    metadata: { name: MANAGEMENT_SECRET_STORE },
    spec: {
      provider: {
        aws: {
          service: ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER,
          region: config.aws.region,
          ...(eks
            ? {}
            : {
                auth: {
                  secretRef: {
                    accessKeyIdSecretRef: { name: AWS_CREDENTIALS_SECRET, namespace: 'external-secrets', key: 'access-key-id' },
                    secretAccessKeySecretRef: {
                      name: AWS_CREDENTIALS_SECRET,
                      namespace: 'external-secrets',
                      key: 'secret-access-key',
                    },
                  },
                },
              }),
        },
      },
    },
  });
}
