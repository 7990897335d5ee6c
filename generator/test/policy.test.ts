import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { K8sObject } from './gate/kustomize';
import { REPO_ROOT } from './gate/paths';
import { policyProblems, podTemplate } from './gate/policy';
import { builtTree } from './gate/tree';

const committed = (path: string): K8sObject =>
  parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as K8sObject;
const base = (service: string): K8sObject[] =>
  ['rollout', 'poddisruptionbudget', 'networkpolicy'].map((kind) =>
    committed(`apps/${service}/base/${kind}-${service}.yaml`),
  );

/** A deep copy with `edit` applied to the Rollout's first container. */
function withContainer(objects: K8sObject[], edit: (c: Record<string, unknown>) => void): K8sObject[] {
  const copy = structuredClone(objects);
  const rollout = copy.find((o) => o.kind === 'Rollout')!;
  edit((podTemplate(rollout)!.spec['containers'] as Record<string, unknown>[])[0]!);
  return copy;
}

describe('policy suite over every workload', () => {
  it('passes for every build of the tree, which has workloads', async () => {
    const { builds } = await builtTree();
    expect(builds.flatMap((b) => policyProblems(b.objects).map((p) => `${b.dir}: ${p}`))).toEqual([]);
    const workloads = builds.flatMap((b) => b.objects).filter((o) => podTemplate(o));
    expect(new Set(workloads.map((w) => w.metadata.name))).toEqual(
      new Set(['main', 'catalog', 'order', 'frontend']),
    );
  });

  it('fails a container that may write its root filesystem or escalate', () => {
    const broken = withContainer(base('catalog'), (c) => {
      c['securityContext'] = {
        ...(c['securityContext'] as object),
        readOnlyRootFilesystem: false,
        allowPrivilegeEscalation: true,
      };
    });
    expect(policyProblems(broken)).toEqual([
      'Rollout backend/catalog container catalog: allowPrivilegeEscalation is not false',
      'Rollout backend/catalog container catalog: readOnlyRootFilesystem is not true',
    ]);
  });

  it('fails missing capabilities drop, seccomp, resources and probes', () => {
    const broken = withContainer(base('order'), (c) => {
      c['securityContext'] = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true };
      delete c['resources'];
      delete c['readinessProbe'];
    });
    const rollout = broken.find((o) => o.kind === 'Rollout')!;
    delete (podTemplate(rollout)!.spec['securityContext'] as Record<string, unknown>)['seccompProfile'];
    const problems = policyProblems(broken).join('\n');
    expect(problems).toMatch(/capabilities do not drop ALL/);
    expect(problems).toMatch(/seccompProfile is not RuntimeDefault/);
    expect(problems).toMatch(/no requests.cpu/);
    expect(problems).toMatch(/no limits.memory/);
    expect(problems).toMatch(/no readinessProbe/);
  });

  it('fails :latest and untagged images', () => {
    const latest = withContainer(base('main'), (c) => (c['image'] = 'nginx:latest'));
    expect(policyProblems(latest)).toEqual(['Rollout backend/main: image "nginx:latest" uses :latest']);
    const untagged = withContainer(base('main'), (c) => (c['image'] = 'registry.local:5000/team/nginx'));
    expect(policyProblems(untagged)).toEqual([
      'Rollout backend/main: image "registry.local:5000/team/nginx" has no tag',
    ]);
  });

  it('fails a workload without a PDB or a NetworkPolicy selecting it', () => {
    const [rollout] = base('frontend');
    expect(policyProblems([rollout!])).toEqual([
      'Rollout frontend/frontend: no PodDisruptionBudget selects its pods',
      'Rollout frontend/frontend: no NetworkPolicy selects its pods',
    ]);
    const denyAll = committed('apps/namespaces/networkpolicy-frontend-default-deny.yaml');
    const pdb = committed('apps/frontend/base/poddisruptionbudget-frontend.yaml');
    // a namespace-wide policy is not a per-workload policy
    expect(policyProblems([rollout!, pdb, denyAll])).toEqual([
      'Rollout frontend/frontend: no NetworkPolicy selects its pods',
    ]);
  });

  it('fails a plaintext Secret', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'backend' },
      stringData: { p: 'x' },
    };
    expect(policyProblems([secret])).toEqual([
      'Secret backend/db: plaintext Secret in Git (use an ExternalSecret)',
    ]);
  });
});
