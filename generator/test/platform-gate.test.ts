import { appNamespaces } from '../src/apps/namespaces';
import { labConfig } from '../src/config/lab.config';
import { appGraphProblems, appNodes, type AppNode } from './gate/app-graph';
import type { K8sObject } from './gate/kustomize';
import { namespaceProblems } from './gate/namespaces';
import { peopleRbacProblems } from './gate/rbac';
import { builtTree } from './gate/tree';

// The lab's Applications (the app-of-apps children) and everything their git paths sync.

const CRD_CHARTS = {
  'monitoring.coreos.com': 'kube-prometheus-stack',
  'external-secrets.io': 'external-secrets',
  'argoproj.io': 'argo-rollouts',
  'chaos-mesh.org': 'chaos-mesh',
};
const isLabApplicationsDir = (dir: string): boolean =>
  dir === 'apps/argocd/lab' || /^platform\/[^/]+\/applications$/.test(dir);
const group = (o: K8sObject): string => (o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '');

async function lab() {
  const { builds } = await builtTree();
  const byDir = new Map(builds.map((b) => [b.dir, b.objects]));
  const applications = builds.filter((b) => isLabApplicationsDir(b.dir)).flatMap((b) => b.objects);
  const nodes = appNodes(applications, (path) => [...new Set((byDir.get(path) ?? []).map(group))]);
  const paths = applications.flatMap((a) => {
    const spec = a['spec'] as { source?: { path?: string }; sources?: { path?: string }[] };
    return [spec.source, ...(spec.sources ?? [])].map((s) => s?.path).filter((p): p is string => !!p);
  });
  const synced = paths.flatMap((p) => byDir.get(p) ?? []);
  const destinations = applications.map(
    (a) => (a['spec'] as { destination: { namespace: string } }).destination.namespace,
  );
  return { applications, nodes, synced, destinations };
}

describe('the Application graph', () => {
  it('has only earlier-wave dependencies, no cycle, and CRD charts before their objects', async () => {
    const { nodes } = await lab();
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.filter((n) => n.dependsOn.length > 0).length).toBeGreaterThan(10);
    expect(appGraphProblems(nodes, CRD_CHARTS)).toEqual([]);
  });

  it('fails a missing dependency, a same-wave dependency, a cycle and objects before their CRDs', () => {
    const node = (name: string, wave: number, dependsOn: string[], extra: Partial<AppNode> = {}) => ({
      name,
      wave,
      dependsOn,
      ...extra,
    });
    const broken = [
      node('operator', -10, [], { chart: 'external-secrets' }),
      node('store', -10, ['operator']),
      node('a', -5, ['b']),
      node('b', -6, ['a']),
      node('c', 0, ['ghost']),
      node('early', -11, [], { groups: ['external-secrets.io'] }),
      node('orphan', 0, [], { groups: ['chaos-mesh.org'] }),
    ];
    expect(appGraphProblems(broken, CRD_CHARTS)).toEqual([
      'store (wave -10) depends on operator (wave -10): not an earlier wave',
      'b (wave -6) depends on a (wave -5): not an earlier wave',
      'c depends on ghost, which no Application of the lab defines',
      'early (wave -11) syncs external-secrets.io objects before operator (wave -10) installs the CRDs',
      'orphan syncs chaos-mesh.org objects but no Application installs chart chaos-mesh',
      'dependency cycle: a -> b -> a',
    ]);
  });
});

const people = [labConfig.platform.rbac.learnerGroup, labConfig.platform.rbac.operatorGroup];

describe("people's RBAC", () => {
  it('binds learner and lab-operator, with no rights over Secrets, Chaos Mesh or Crossplane', async () => {
    const { synced } = await lab();
    const bound = synced.filter((o) => o.kind === 'ClusterRoleBinding').map((o) => o.metadata.name);
    expect(bound).toEqual(expect.arrayContaining(['learner', 'lab-operator']));
    expect(peopleRbacProblems(synced, people)).toEqual([]);
  });

  it('fails a people role reaching chaos-mesh.org, Crossplane, Secrets or a wildcard', () => {
    const role = (rules: object[]): K8sObject => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'learner' },
      rules,
    });
    const binding: K8sObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'learner' },
      roleRef: { kind: 'ClusterRole', name: 'learner' },
      subjects: [{ kind: 'Group', name: people[0] }],
    };
    const problems = peopleRbacProblems(
      [
        binding,
        role([
          { apiGroups: ['chaos-mesh.org'], resources: ['podchaos'], verbs: ['create'] },
          { apiGroups: ['apiextensions.crossplane.io'], resources: ['compositions'], verbs: ['get'] },
          { apiGroups: ['s3.aws.m.upbound.io'], resources: ['buckets'], verbs: ['delete'] },
          { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        ]),
      ],
      people,
    );
    expect(problems).toEqual([
      'ClusterRole learner: grants on API group "chaos-mesh.org"',
      'ClusterRole learner: grants on API group "apiextensions.crossplane.io"',
      'ClusterRole learner: grants on API group "s3.aws.m.upbound.io"',
      'ClusterRole learner: grants on core secrets',
      'ClusterRole learner: grants on API group "*"',
      'ClusterRole learner: verb "*"',
    ]);
    expect(peopleRbacProblems([binding], people)).toEqual([
      'ClusterRoleBinding learner: role learner is not in the tree',
    ]);
  });
});

describe('namespace guardrails', () => {
  it('labels, default-denies and (app namespaces) bounds every namespace the lab deploys to', async () => {
    const { synced, destinations } = await lab();
    const used = [
      ...destinations,
      ...synced.map((o) => o.metadata.namespace).filter((n): n is string => !!n),
    ];
    expect(used).toEqual(expect.arrayContaining(['frontend', 'backend', 'monitoring', 'security', 'chaos']));
    expect(namespaceProblems(synced, used, appNamespaces)).toEqual([]);
  });

  it('fails a namespace without labels or default-deny, and an app namespace without quota', () => {
    const ns = (name: string, labels: Record<string, string> = {}): K8sObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels },
    });
    const allowAll: K8sObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'tools' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}] },
    };
    expect(namespaceProblems([ns('tools'), allowAll], ['tools', 'ghost', 'kube-system'], ['tools'])).toEqual([
      'namespace ghost: no Namespace object',
      'namespace ghost: no default-deny NetworkPolicy',
      'namespace tools: no Pod Security enforce label',
      'namespace tools: no default-deny NetworkPolicy',
      'namespace tools: no ResourceQuota',
      'namespace tools: no LimitRange',
    ]);
  });
});
