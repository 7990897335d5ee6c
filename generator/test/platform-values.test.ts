import { parse } from 'yaml';
import { labConfig } from '../src/config/lab.config';
import type { LabConfigInput } from '../src/config/schema';
import { generateTree } from '../src/generate';

// The platform's values and scenario objects against the seed and against the other side of each contract
// (the Crossplane EKS composition's node groups, the apps' namespaces).

type Json = Record<string, unknown>;
const yamlAt = (files: { path: string; content: string }[], path: string): Json => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not generated`);
  return parse(file.content) as Json;
};

/** Tag keys the node groups of the lab whose EKS cluster is `config.cluster.name` carry. */
function nodeGroupTagKeys(input: LabConfigInput): string[] {
  const files = generateTree(input);
  const xr = files.find(
    (f) =>
      /^platform\/crossplane\/labs\/[^/]+\/ekscluster-/.test(f.path) &&
      parse(f.content).spec?.labId === input.cluster.name,
  );
  if (!xr) return [];
  const composition = files.find((f) => /composition-eksclusters\./.test(f.path))!.content;
  const static_ = [...composition.matchAll(/^\s+(k8s\.io\/cluster-autoscaler\/[\w.-]+):/gm)].map(
    (m) => m[1]!,
  );
  return [
    ...new Set([
      ...static_,
      ...Object.keys((parse(xr.content) as { spec: { autoscalerTags: Json } }).spec.autoscalerTags),
    ]),
  ];
}

function discoveryProblems(input: LabConfigInput): string[] {
  const values = yamlAt(generateTree(input), 'platform/scaling/values/cluster-autoscaler.yaml');
  const tags = (values['autoDiscovery'] as { tags: string[] }).tags;
  const carried = nodeGroupTagKeys(input);
  return tags
    .filter((t) => !carried.includes(t))
    .map((t) => `autoscaler discovers by ${t}, which no node group of the lab carries`);
}

describe('Cluster Autoscaler discovery', () => {
  it('discovers by tags the EKS composition puts on the lab node groups', () => {
    expect(discoveryProblems(labConfig)).toEqual([]);
  });

  it('fails when the cluster the values name is not a lab the composition creates', () => {
    const other = { ...labConfig, cluster: { ...labConfig.cluster, name: 'elsewhere' } };
    expect(discoveryProblems(other)).toEqual([
      'autoscaler discovers by k8s.io/cluster-autoscaler/enabled, which no node group of the lab carries',
      'autoscaler discovers by k8s.io/cluster-autoscaler/elsewhere, which no node group of the lab carries',
    ]);
  });
});

describe('Chaos Mesh', () => {
  const files = generateTree(labConfig);
  it('runs its daemon on containerd (the chart defaults to Docker)', () => {
    const values = yamlAt(files, 'platform/chaos/values/chaos-mesh.yaml');
    expect(values['chaosDaemon']).toEqual({
      runtime: 'containerd',
      socketPath: '/run/containerd/containerd.sock',
    });
  });

  it("holds the seed's three experiments, which no Application syncs", () => {
    const dir = 'platform/chaos/experiments';
    const kinds = files
      .filter((f) => f.path.startsWith(`${dir}/`) && !f.path.endsWith('kustomization.yaml'))
      .map((f) => parse(f.content) as { kind: string; spec: Json });
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.spec]));
    expect(byKind['PodChaos']).toMatchObject({ action: 'pod-failure', duration: '5m' });
    expect(byKind['NetworkChaos']).toMatchObject({
      action: 'delay',
      duration: '10m',
      delay: { latency: '100ms' },
    });
    expect(byKind['StressChaos']).toMatchObject({ duration: '15m', stressors: { cpu: { load: 80 } } });
    const synced = files
      .filter((f) => /\/applications\/application-.*\.yaml$/.test(f.path))
      .map((f) => f.content);
    expect(synced.length).toBeGreaterThan(10);
    for (const unsynced of [dir, 'platform/loadtest/jobs'])
      expect(synced.filter((c) => c.includes(`path: ${unsynced}`))).toEqual([]);
  });
});

describe('storage classes', () => {
  it('make gp3 (EBS CSI) the default and offer EFS on the composed file system', () => {
    const files = generateTree(labConfig);
    const gp3 = yamlAt(files, 'platform/scaling/storage/storageclass-gp3.yaml');
    const efs = yamlAt(files, 'platform/scaling/storage/storageclass-efs.yaml');
    expect(gp3).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
    expect(efs).toMatchObject({
      provisioner: 'efs.csi.aws.com',
      parameters: { fileSystemId: labConfig.platform.efsFileSystemId },
    });
  });
});
