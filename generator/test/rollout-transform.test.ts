import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kustomizeBuild, type K8sObject } from './gate/kustomize';
import { REPO_ROOT } from './gate/paths';
import { tempDir } from './gate/promtool';

type Json = Record<string, unknown>;

function rolloutRefs(objects: K8sObject[]): {
  configMap: string;
  canaryService: string;
  image: string;
  replicas: number;
} {
  const rollout = objects.find((o) => o.kind === 'Rollout')!;
  const spec = rollout['spec'] as Json;
  const container = ((spec['template'] as Json)['spec'] as { containers: Json[] }).containers[0]!;
  const canary = ((spec['strategy'] as Json)['canary'] as Json) ?? {};
  return {
    configMap: ((container['envFrom'] as Json[])[0]!['configMapRef'] as Json)['name'] as string,
    canaryService: canary['canaryService'] as string,
    image: container['image'] as string,
    replicas: spec['replicas'] as number,
  };
}

/** A copy of the tree's apps/ and rollouts/ with an extra overlay on top of catalog's lab overlay. */
function treeWithOverlay(kustomization: string): string {
  const root = tempDir('gate-transform-');
  for (const top of ['apps', 'rollouts']) cpSync(join(REPO_ROOT, top), join(root, top), { recursive: true });
  mkdirSync(join(root, 'apps/catalog/overlays/prefixed'), { recursive: true });
  writeFileSync(join(root, 'apps/catalog/overlays/prefixed/kustomization.yaml'), kustomization);
  return root;
}

describe('the Argo Rollouts kustomize transform reaches the Rollout', () => {
  it('carries the ConfigMap hash, image tag and replicas of the committed overlay into the Rollout', async () => {
    const { objects } = await kustomizeBuild(REPO_ROOT, 'apps/catalog/overlays/lab');
    const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
    expect(configMap.metadata.name).toMatch(/^catalog-config-[a-z0-9]{10}$/);
    const refs = rolloutRefs(objects);
    expect(refs.configMap).toBe(configMap.metadata.name);
    expect(refs.canaryService).toBe('catalog-canary');
    expect(refs.replicas).toBe(3);
  });

  it('rewrites name prefixes and hashes in the Rollout for a further overlay', async () => {
    const root = treeWithOverlay(
      'resources: [../lab]\nnamePrefix: team-a-\nimages:\n  - name: 000000000000.dkr.ecr.ap-northeast-2.amazonaws.com/eks-sre-lab/catalog\n    newTag: 9.9.9\nreplicas:\n  - name: team-a-catalog\n    count: 7\n',
    );
    const { objects } = await kustomizeBuild(root, 'apps/catalog/overlays/prefixed');
    const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
    const refs = rolloutRefs(objects);
    expect(configMap.metadata.name).toMatch(/^team-a-catalog-config-/);
    expect(refs.configMap).toBe(configMap.metadata.name);
    expect(refs.canaryService).toBe('team-a-catalog-canary');
    expect(refs.image).toMatch(/catalog:9\.9\.9$/);
    expect(refs.replicas).toBe(7);
  });

  it('without the transform, names stay stale and Rollout replicas cannot be set (so the checks above mean something)', async () => {
    const root = treeWithOverlay('resources: [../../base]\nnamePrefix: team-a-\n');
    // the component stays, with Argo Rollouts' field list emptied
    writeFileSync(
      join(root, 'rollouts/components/rollout-transform/rollout-transform.yaml'),
      'nameReference: []\n',
    );
    const { objects } = await kustomizeBuild(root, 'apps/catalog/overlays/prefixed');
    const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
    expect(configMap.metadata.name).toMatch(/^team-a-catalog-config-/);
    expect(rolloutRefs(objects).configMap).toBe('catalog-config');
    await expect(kustomizeBuild(root, 'apps/catalog/overlays/lab')).rejects.toThrow(
      /does not match a config/,
    );
  });
});
