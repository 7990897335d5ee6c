import type { Construct } from 'constructs';
import { KubeNamespace, KubeNetworkPolicy, IntOrString } from '../../imports/k8s';
import { syncWave, waves } from '../core/argocd';
import { synth } from '../core/chart';
import { resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';

export const NAMESPACES_DIR = 'apps/namespaces';

type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/**
 * The seed's namespaces. App namespaces enforce the restricted Pod Security Standard; the tool namespaces
 * (filled by the platform) need more: node-exporter uses host networking, Falco and Chaos Mesh's daemon
 * are privileged by design. Every level is at least audited and warned as restricted.
 */
export const namespaceLevels: Record<string, PodSecurityLevel> = {
  frontend: 'restricted',
  backend: 'restricted',
  monitoring: 'privileged',
  security: 'privileged',
  chaos: 'privileged',
};

/** Namespaces whose traffic is default-deny (the app namespaces; tools bring their own policies). */
export const appNamespaces = ['frontend', 'backend'] as const;

function namespace(scope: Construct, name: string, level: PodSecurityLevel): void {
  new KubeNamespace(scope, `ns-${name}`, {
    metadata: {
      name,
      annotations: syncWave(waves.namespaces),
      labels: {
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': 'v1.34',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
}

function defaultDeny(scope: Construct, ns: string): void {
  new KubeNetworkPolicy(scope, `deny-${ns}`, {
    metadata: { name: 'default-deny', namespace: ns },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
  new KubeNetworkPolicy(scope, `dns-${ns}`, {
    metadata: { name: 'allow-dns', namespace: ns },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: IntOrString.fromNumber(53) },
            { protocol: 'TCP', port: IntOrString.fromNumber(53) },
          ],
        },
      ],
    },
  });
}

export const namespacesModule: OutputModule = {
  name: 'namespaces',
  render: () =>
    resourceDir(
      NAMESPACES_DIR,
      synth((scope) => {
        for (const [name, level] of Object.entries(namespaceLevels)) namespace(scope, name, level);
        for (const ns of appNamespaces) defaultDeny(scope, ns);
      }),
    ),
};
