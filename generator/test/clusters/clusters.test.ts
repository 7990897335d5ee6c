import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { activatedKinds } from '../../src/clusters/crossplane-packages';
import { LAB_CLUSTER_SELECTOR, LAB_ROOT_DIR } from '../../src/clusters/lab';
import { labConfig } from '../../src/config/lab.config';
import { resolveConfig } from '../../src/config/load';
import { generateTree } from '../../src/generate';
import { compose, compositionResources } from '../crossplane/compose';
import type { K8sObject } from '../gate/kustomize';
import { kustomizeBuild } from '../gate/kustomize';
import { REPO_ROOT, schemaDir } from '../gate/paths';

const files = generateTree(labConfig);
const object = (path: string): K8sObject => parse(files.find((f) => f.path === path)!.content) as K8sObject;

/** A managed resource definition name is `<plural>.<group>`, the CRD file `<group>_<plural>.yaml`. */
function missingCrds(names: string[]): string[] {
  const dir = schemaDir();
  return names.filter((name) => {
    const [plural, ...group] = name.split('.');
    const file = `${group.join('.')}_${plural}.yaml`;
    return !['provider-aws', 'provider-kubernetes'].some((d) => existsSync(join(dir, d, file)));
  });
}

describe('management cluster and lab registration', () => {
  it('activates exactly the managed resource kinds the compositions use, each a real CRD', () => {
    const mrap = object('clusters/management/crossplane/packages/managedresourceactivationpolicy-eks-sre-lab.yaml');
    const activate = (mrap['spec'] as { activate: string[] }).activate;
    expect(activate).toEqual(activatedKinds(resolveConfig(labConfig)));
    expect(activate).toEqual(expect.arrayContaining(['vpcs.ec2.aws.m.upbound.io', 'objects.kubernetes.m.crossplane.io']));
    expect(missingCrds(activate)).toEqual([]);
    expect(missingCrds(['vpc.ec2.aws.m.upbound.io', 'accessentrys.eks.aws.m.upbound.io'])).toHaveLength(2);
  });

  it('pins every provider and function to the versions of the CRDs', () => {
    const packages = files
      .filter((f) => /^clusters\/management\/crossplane\/packages\/(provider|function)-/.test(f.path))
      .map((f) => (parse(f.content) as { spec: { package: string } }).spec.package);
    expect(packages).toHaveLength(12);
    for (const p of packages) expect(p).toMatch(/:v\d+\.\d+\.\d+$/);
    expect(packages).toContain('xpkg.crossplane.io/crossplane-contrib/provider-aws-eks:v2.6.0');
    expect(packages).toContain('xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8');
  });

  it('follows one lab end to end: registration → cluster Secret labels → ApplicationSet → lab Applications', async () => {
    const registration = object('platform/crossplane/labs/lab/labregistration-lab.yaml');
    const composition = object('platform/crossplane/apis/composition-labregistrations.aws.eks-sre-lab.io.yaml');
    const secretObject = compositionResources(composition)
      .map((r) => compose({ ...registration, status: { endpoint: 'https://x', caData: 'ca', vpcId: 'vpc-1' } }, r))
      .find((o) => o.metadata.name.endsWith('argocd-cluster-secret'))!;
    const secret = (secretObject['spec'] as { forProvider: { manifest: K8sObject & { stringData: Record<string, string> } } })
      .forProvider.manifest;
    expect(secret.metadata.labels).toMatchObject({ ...LAB_CLUSTER_SELECTOR, 'argocd.argoproj.io/secret-type': 'cluster' });
    expect(secret.metadata.annotations).toMatchObject({ aws_vpc_id: 'vpc-1', aws_region: 'ap-northeast-2' });
    expect(JSON.parse(secret.stringData['config']!)).toEqual({
      awsAuthConfig: { clusterName: 'lab', roleARN: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//) },
      tlsClientConfig: { insecure: false, caData: 'ca' },
    });

    const appSet = object('clusters/lab/appsets/applicationset-labs.yaml');
    const spec = appSet['spec'] as {
      generators: { clusters: { selector: { matchLabels: Record<string, string> } } }[];
      template: { spec: { source: { path: string } } };
    };
    expect(spec.generators[0]!.clusters.selector.matchLabels).toEqual(LAB_CLUSTER_SELECTOR);
    expect(spec.template.spec.source.path).toBe(LAB_ROOT_DIR);
    // Every child must have spec.destination.name, or the retargeting JSON patch fails in Argo CD.
    const children = (await kustomizeBuild(REPO_ROOT, LAB_ROOT_DIR)).objects;
    expect(children.length).toBeGreaterThan(8);
    expect(children.filter((c) => c.kind !== 'Application' || !(c['spec'] as { destination: { name?: string } }).destination.name)).toEqual([]);
    expect(children.map((c) => c.metadata.name)).toEqual(expect.arrayContaining(['main-lab', 'argo-rollouts']));
  });

  it('ships a teardown script that parses and deletes load balancers before the requests', () => {
    const script = files.find((f) => f.path === 'clusters/management/teardown.sh')!.content;
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: `${script}\nif then fi` }).status).not.toBe(0);
    const order = ['delete labregistration', 'delete ingress', 'delete eksclusters', '5/5 confirm'];
    const positions = order.map((s) => script.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
