import { parse } from 'yaml';
import { labConfig } from '../../src/config/lab.config';
import { generateTree } from '../../src/generate';
import type { K8sObject } from '../gate/kustomize';
import { schemaDir } from '../gate/paths';
import { SchemaRegistry } from '../gate/schemas';
import type { SchemaNode } from '../gate/strict-schema';
import {
  compose,
  compositionResources,
  CrdIndex,
  fakeStatus,
  patchPathProblems,
  requiredParameterProblems,
  xrdSchema,
  type ComposedResource,
} from './compose';
import { schemaAt } from './field-paths';

const dir = schemaDir();
const registry = new SchemaRegistry(dir);
const crds = new CrdIndex(dir);
const files = generateTree(labConfig);
const objectsUnder = (prefix: string): K8sObject[] =>
  files
    .filter((f) => f.path.startsWith(prefix) && !f.path.endsWith('kustomization.yaml'))
    .map((f) => parse(f.content) as K8sObject);

const apis = objectsUnder('platform/crossplane/apis/');
const xrds = apis.filter((o) => o.kind === 'CompositeResourceDefinition');
const compositions = apis.filter((o) => o.kind === 'Composition');
const claims = objectsUnder('platform/crossplane/labs/').filter((o) =>
  o.apiVersion.startsWith('aws.eks-sre-lab.io/'),
);
for (const xrd of xrds) registry.registerXrd(xrd);

const xrdFor = (kind: string): SchemaNode => {
  const xrd = xrds.find((x) => (x['spec'] as { names: { kind: string } }).names.kind === kind);
  if (!xrd) throw new Error(`no XRD for ${kind}`);
  return xrdSchema(xrd);
};
const compositionFor = (kind: string): K8sObject =>
  compositions.find(
    (c) => (c['spec'] as { compositeTypeRef: { kind: string } }).compositeTypeRef.kind === kind,
  )!;
const crdOf = (r: ComposedResource): SchemaNode => {
  const schema = crds.schema(r.base.apiVersion, r.base.kind);
  if (!schema) throw new Error(`${r.name}: no CRD for ${r.base.apiVersion} ${r.base.kind}`);
  return schema;
};

/** Every object a claim composes, with its status-fed inputs stood in for. */
function composeClaim(
  claim: K8sObject,
  resources = compositionResources(compositionFor(claim.kind)),
): K8sObject[] {
  const xr = { ...claim, status: fakeStatus(xrdFor(claim.kind)) };
  return resources.map((r) => compose(xr, r));
}
const validateComposed = (object: K8sObject): string[] => [
  ...registry.validate(object),
  ...requiredParameterProblems(crds.schema(object.apiVersion, object.kind)!, object),
];

describe('Crossplane APIs (offline)', () => {
  it('defines v2 namespaced XRDs (cluster-scoped only for the registration) and a Pipeline Composition each', () => {
    expect(
      xrds.map((x) => [(x['spec'] as { names: { kind: string } }).names.kind, x.apiVersion]),
    ).toHaveLength(9);
    for (const xrd of xrds) {
      const spec = xrd['spec'] as { scope: string; names: { kind: string } };
      expect([spec.names.kind, xrd.apiVersion, spec.scope]).toEqual([
        spec.names.kind,
        'apiextensions.crossplane.io/v2',
        spec.names.kind === 'LabRegistration' ? 'Cluster' : 'Namespaced',
      ]);
      const composition = compositionFor(spec.names.kind);
      const pipeline = (
        composition['spec'] as { mode: string; pipeline: { functionRef: { name: string } }[] }
      ).pipeline;
      expect(pipeline.map((s) => s.functionRef.name)).toEqual([
        'function-patch-and-transform',
        'function-auto-ready',
      ]);
    }
  });

  it('validates every XRD and Composition against its CRD, and every pipeline input against pt.fn Resources', () => {
    const problems = apis.flatMap((o) => registry.validate(o));
    for (const composition of compositions) {
      const spec = composition['spec'] as { pipeline: { input?: K8sObject }[] };
      for (const step of spec.pipeline) if (step.input) problems.push(...registry.validate(step.input));
    }
    expect(problems).toEqual([]);
  });

  it('validates every composed base against its provider CRD and sets providerConfigRef explicitly', () => {
    const problems: string[] = [];
    let count = 0;
    for (const composition of compositions) {
      for (const r of compositionResources(composition)) {
        count += 1;
        const base = {
          ...r.base,
          metadata: { ...(r.base.metadata ?? {}), name: r.base.metadata?.name ?? r.name },
        };
        problems.push(...registry.validate(base));
        // Crossplane managed resources (their CRD has providerConfigRef) must name it; PushSecrets have none.
        const managed = schemaAt(crdOf(r), 'spec.providerConfigRef') !== undefined;
        if (managed && !(r.base['spec'] as { providerConfigRef?: unknown }).providerConfigRef)
          problems.push(`${r.name}: no providerConfigRef`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(60);
  });

  it('finds every patch path in the XRD and in the composed resource schema', () => {
    const problems = compositions.flatMap((c) => {
      const kind = (c['spec'] as { compositeTypeRef: { kind: string } }).compositeTypeRef.kind;
      return compositionResources(c).flatMap((r) => patchPathProblems(xrdFor(kind), r, crdOf(r)));
    });
    expect(problems).toEqual([]);
  });

  it('fails a misspelt patch path on either side', () => {
    const network = compositionResources(compositionFor('Network'));
    const vpc = network.find((r) => r.name === 'vpc')!;
    const typo = {
      ...vpc,
      patches: [
        {
          type: 'FromCompositeFieldPath',
          fromFieldPath: 'spec.regoin',
          toFieldPath: 'spec.forProvider.region',
        },
        {
          type: 'FromCompositeFieldPath',
          fromFieldPath: 'spec.labId',
          toFieldPath: 'spec.forProvider.tagz[a]',
        },
      ],
    };
    expect(patchPathProblems(xrdFor('Network'), typo, crdOf(vpc))).toEqual([
      'vpc: spec.regoin does not exist in the XRD schema',
      'vpc: spec.forProvider.tagz[a] does not exist in the composed schema',
    ]);
  });

  it('validates every claim against its XRD and composes it into valid objects', () => {
    expect(claims.length).toBeGreaterThanOrEqual(11);
    const problems = claims.flatMap((claim) => [
      ...registry.validate(claim),
      ...composeClaim(claim).flatMap(validateComposed),
    ]);
    expect(problems).toEqual([]);
  });

  it('fails a claim that violates its XRD', () => {
    const db = claims.find((c) => c.kind === 'Database')!;
    const bad = { ...db, spec: { ...(db['spec'] as object), databaseName: 'Catalog-DB', sizeGb: 20 } };
    const problems = registry.validate(bad).join('\n');
    expect(problems).toMatch(/\/spec must NOT have additional properties "sizeGb"/);
    expect(problems).toMatch(/\/spec\/databaseName must match pattern/);
    const missing = { ...db, spec: { labId: 'lab', region: 'ap-northeast-2' } };
    expect(registry.validate(missing).join('\n')).toMatch(/must have required property 'databaseName'/);
  });

  it('fails a composed resource that lacks a required field', () => {
    const db = claims.find((c) => c.kind === 'Database')!;
    const resources = compositionResources(compositionFor('Database')).map((r) => {
      if (r.name !== 'instance') return r;
      const base = structuredClone(r.base);
      delete (base['spec'] as { forProvider: Record<string, unknown> }).forProvider['instanceClass'];
      return { ...r, base };
    });
    expect(composeClaim(db, resources).flatMap(validateComposed)).toEqual([
      expect.stringMatching(/^Instance\/.*: spec.forProvider.instanceClass is a required parameter$/),
    ]);
  });

  it('unrolls the profile: 3 AZs with a NAT each (production-like), 2 AZs with one NAT (budget)', () => {
    const count = (input: typeof labConfig, kind: string): number => {
      const tree = generateTree(input);
      const file = tree.find(
        (f) => f.path === 'platform/crossplane/apis/composition-networks.aws.eks-sre-lab.io.yaml',
      )!;
      return compositionResources(parse(file.content) as K8sObject).filter((r) => r.base.kind === kind)
        .length;
    };
    const budget = { ...JSON.parse(JSON.stringify(labConfig)), profile: 'budget' } as typeof labConfig;
    expect([count(labConfig, 'Subnet'), count(labConfig, 'NATGateway')]).toEqual([6, 3]);
    expect([count(budget, 'Subnet'), count(budget, 'NATGateway')]).toEqual([4, 1]);
  });
});

describe('workload identity', () => {
  it('creates every IAM role the apps and platform charts name in their IRSA annotations', () => {
    const wanted = new Set(
      files.flatMap((f) =>
        [
          ...f.content.matchAll(
            /eks\.amazonaws\.com\/role-arn:\s*"?arn:aws:iam::\d{12}:role\/([\w+=,.@-]+)/g,
          ),
        ].map((m) => m[1]!),
      ),
    );
    const created = compositionResources(compositionFor('WorkloadIdentity'))
      .filter((r) => r.base.kind === 'Role')
      .map((r) => r.base.metadata?.annotations?.['crossplane.io/external-name'])
      .filter((n): n is string => n !== undefined);
    expect(wanted.size).toBeGreaterThanOrEqual(2);
    expect([...wanted].filter((name) => !created.includes(name))).toEqual([]);
  });
});
