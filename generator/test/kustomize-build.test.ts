import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './gate/kustomize';
import { tempDir } from './gate/promtool';
import { builtTree } from './gate/tree';

describe('kubectl kustomize builds every kustomization of the tree', () => {
  it('builds all of them without error', async () => {
    const tree = await builtTree();
    expect(tree.errors).toEqual([]);
    // every service has a base and a lab overlay, plus namespaces, analysis, Argo CD apps and platform
    for (const service of ['main', 'catalog', 'order', 'frontend']) {
      expect(tree.dirs).toEqual(
        expect.arrayContaining([`apps/${service}/base`, `apps/${service}/overlays/lab`]),
      );
    }
    expect(tree.builds.every((b) => b.objects.length > 0)).toBe(true);
  });

  it('reports a kustomization that does not build', async () => {
    const root = tempDir('gate-kustomize-');
    mkdirSync(join(root, 'broken'));
    writeFileSync(join(root, 'broken/kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    const result = await buildAll(root, ['broken']);
    expect(result.builds).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/kubectl kustomize broken failed: .*missing\.yaml/s);
  });
});
