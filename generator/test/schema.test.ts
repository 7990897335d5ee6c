import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { K8sObject } from './gate/kustomize';
import { REPO_ROOT, schemaDir } from './gate/paths';
import { SchemaRegistry } from './gate/schemas';
import { builtTree } from './gate/tree';

const registry = new SchemaRegistry(schemaDir());
const committed = (path: string): K8sObject =>
  parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as K8sObject;

describe('every emitted object matches its schema, strictly', () => {
  it('validates every object of every build (core kinds and CRDs)', async () => {
    const { builds } = await builtTree();
    // Issue 8: the lab's requests are XRs whose schema is an XRD of the tree itself.
    for (const object of builds.flatMap((b) => b.objects)) {
      if (
        object.apiVersion === 'apiextensions.crossplane.io/v2' &&
        object.kind === 'CompositeResourceDefinition'
      )
        registry.registerXrd(object);
    }
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const build of builds) {
      for (const object of build.objects) {
        const key = JSON.stringify(object);
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push(...registry.validate(object).map((p) => `${build.dir}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  });

  it('rejects a misspelt top-level field of a Rollout (replicass)', () => {
    const rollout = committed('apps/catalog/base/rollout-catalog.yaml');
    expect(registry.validate(rollout)).toEqual([]);
    const broken = { ...rollout, spec: { ...(rollout['spec'] as object), replicass: 3 } };
    expect(registry.validate(broken)).toEqual([
      expect.stringMatching(/\/spec must NOT have additional properties "replicass"/),
    ]);
  });

  it('rejects a misspelt canary step field (setWieght) inside a component patch value', () => {
    const rollout = committed('apps/main/base/rollout-main.yaml');
    const spec = rollout['spec'] as Record<string, unknown>;
    const broken = { ...rollout, spec: { ...spec, strategy: { canary: { steps: [{ setWieght: 5 }] } } } };
    expect(registry.validate(broken).join('\n')).toMatch(
      /strategy\/canary\/steps\/0 must NOT have additional properties "setWieght"/,
    );
  });

  it('rejects unknown fields deep in core kinds and wrong int-or-string types', () => {
    const service = committed('apps/catalog/base/service-catalog.yaml');
    const spec = service['spec'] as { ports: Record<string, unknown>[] };
    const typo = { ...service, spec: { ...spec, ports: [{ ...spec.ports[0], targetPorts: 'http' }] } };
    expect(registry.validate(typo).join('\n')).toMatch(
      /ports\/0 must NOT have additional properties "targetPorts"/,
    );
    const wrongType = {
      ...service,
      spec: { ...spec, ports: [{ ...spec.ports[0], targetPort: { name: 'http' } }] },
    };
    expect(registry.validate(wrongType).length).toBeGreaterThan(0);
    const badMeta = { ...service, metadata: { ...service.metadata, lables: { a: 'b' } } };
    expect(registry.validate(badMeta).join('\n')).toMatch(
      /\/metadata must NOT have additional properties "lables"/,
    );
  });

  it('reports a kind it has no schema for instead of passing it', () => {
    const unknown = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(registry.validate(unknown)).toEqual([
      expect.stringMatching(/no schema for example.com\/v1 Widget/),
    ]);
  });
});

describe('schema location', () => {
  it('prefers CRD_DIR, then the fetched cache, then ../shared/crds', () => {
    const shared = schemaDir({}, ['/nonexistent-cache', join(REPO_ROOT, '..', 'shared', 'crds')]);
    expect(schemaDir({ CRD_DIR: shared }, ['/nonexistent'])).toBe(shared);
    expect(schemaDir({ CRD_DIR: '/nonexistent' }, ['/nonexistent-cache', shared])).toBe(shared);
  });

  it('fails naming the command that fixes it when no schema folder exists', () => {
    expect(() => schemaDir({ CRD_DIR: '/nonexistent' }, ['/nonexistent-cache'])).toThrow(
      /npm run schemas:fetch/,
    );
  });
});
