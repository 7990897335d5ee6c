import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { K8sObject } from '../gate/kustomize';
import type { SchemaNode } from '../gate/strict-schema';
import { getPath, schemaAt, setPath } from './field-paths';

// Offline checks of Compositions: patch paths exist on both sides, claims compose into valid objects, and
// the provider's "is a required parameter" rules (CEL, which the JSON-schema pass does not run) hold.

export interface Patch {
  type: string;
  fromFieldPath?: string;
  toFieldPath?: string;
  combine?: { variables: { fromFieldPath: string }[]; string: { fmt: string } };
  transforms?: { type: string; string?: { type: string; trim?: string } }[];
}
export interface ComposedResource {
  name: string;
  base: K8sObject;
  patches?: Patch[];
}

/** The raw CRD schema (spec.versions[].schema) of a group/version/kind, from the schema folder. */
export class CrdIndex {
  private readonly files = new Map<string, string>();
  private readonly schemas = new Map<string, SchemaNode>();

  constructor(dir: string) {
    this.index(dir);
  }

  private index(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) this.index(path);
      else if (entry.name.endsWith('.yaml')) {
        const text = readFileSync(path, 'utf8');
        const group = /^ {2}group:\s*(\S+)/m.exec(text)?.[1];
        const kind = /^ {4}kind:\s*(\S+)/m.exec(text)?.[1];
        if (group && kind && /^kind:\s*CustomResourceDefinition\s*$/m.test(text))
          this.files.set(`${group}/${kind}`, path);
      }
    }
  }

  schema(apiVersion: string, kind: string): SchemaNode | undefined {
    const key = `${apiVersion}/${kind}`;
    if (!this.schemas.has(key)) {
      const file = this.files.get(`${apiVersion.split('/')[0]}/${kind}`);
      if (!file) return undefined;
      const crd = parse(readFileSync(file, 'utf8')) as {
        spec: { versions: { name: string; schema: { openAPIV3Schema: SchemaNode } }[] };
      };
      const version = crd.spec.versions.find((v) => v.name === apiVersion.split('/')[1]);
      if (!version) return undefined;
      this.schemas.set(key, version.schema.openAPIV3Schema);
    }
    return this.schemas.get(key);
  }
}

/** The openAPIV3Schema of an XRD's first version (what Crossplane turns into the XR's CRD). */
export function xrdSchema(xrd: K8sObject): SchemaNode {
  const spec = xrd['spec'] as { versions: { schema: { openAPIV3Schema: SchemaNode } }[] };
  return spec.versions[0]!.schema.openAPIV3Schema;
}

export function compositionResources(composition: K8sObject): ComposedResource[] {
  const spec = composition['spec'] as { pipeline: { input?: { resources?: ComposedResource[] } }[] };
  return spec.pipeline.flatMap((step) => step.input?.resources ?? []);
}

const sources = (p: Patch): string[] =>
  p.combine ? p.combine.variables.map((v) => v.fromFieldPath) : p.fromFieldPath ? [p.fromFieldPath] : [];

/** Every patch whose from- or to-path does not exist in the XRD or the composed resource's CRD. */
export function patchPathProblems(
  xrd: SchemaNode,
  resource: ComposedResource,
  composedSchema: SchemaNode,
): string[] {
  const problems: string[] = [];
  const check = (side: 'XRD' | 'composed', schema: SchemaNode, path: string | undefined): void => {
    if (path !== undefined && !schemaAt(schema, path))
      problems.push(`${resource.name}: ${path} does not exist in the ${side} schema`);
  };
  for (const patch of resource.patches ?? []) {
    const toXr = patch.type === 'ToCompositeFieldPath';
    for (const from of sources(patch)) check(toXr ? 'composed' : 'XRD', toXr ? composedSchema : xrd, from);
    check(toXr ? 'XRD' : 'composed', toXr ? xrd : composedSchema, patch.toFieldPath);
  }
  return problems;
}

/** A stand-in for every status field an XRD declares, so status-fed patches can be rendered offline. */
export function fakeStatus(xrd: SchemaNode): Record<string, unknown> {
  const status = schemaAt(xrd, 'status');
  const props = (status?.['properties'] ?? {}) as Record<string, SchemaNode>;
  return Object.fromEntries(
    Object.entries(props).map(([k, s]) => [k, s['type'] === 'integer' ? 5432 : `observed-${k}`]),
  );
}

const format = (fmt: string, values: unknown[]): string => {
  let i = 0;
  return fmt.replace(/%[sv]/g, () => String(values[i++]));
};

function transform(value: unknown, patch: Patch): unknown {
  let out = value;
  for (const t of patch.transforms ?? []) {
    if (t.type === 'string' && t.string?.type === 'TrimPrefix' && typeof out === 'string')
      out = out.startsWith(t.string.trim ?? '') ? out.slice((t.string.trim ?? '').length) : out;
  }
  return out;
}

/** Renders one composed resource for an XR the way function-patch-and-transform would (our subset). */
export function compose(xr: K8sObject, resource: ComposedResource): K8sObject {
  const object = structuredClone(resource.base);
  object.metadata = {
    ...(object.metadata ?? {}),
    name: object.metadata?.name ?? `${xr.metadata.name}-${resource.name}`,
  };
  if (xr.metadata.namespace) object.metadata.namespace = xr.metadata.namespace;
  for (const patch of resource.patches ?? []) {
    if (patch.type === 'ToCompositeFieldPath' || !patch.toFieldPath) continue;
    const values = sources(patch).map((from) => getPath(xr, from));
    if (values.some((v) => v === undefined)) continue; // an optional input the XR does not set
    const value = patch.combine ? format(patch.combine.string.fmt, values) : values[0];
    setPath(object as unknown as Record<string, unknown>, patch.toFieldPath, transform(value, patch));
  }
  return object;
}

/**
 * Upjet CRDs mark required parameters with CEL rules (`spec.forProvider.X is a required parameter`);
 * the JSON-schema pass cannot run CEL, so this checks those rules directly.
 */
export function requiredParameterProblems(crd: SchemaNode, object: K8sObject): string[] {
  const spec = schemaAt(crd, 'spec');
  const rules = (spec?.['x-kubernetes-validations'] ?? []) as { message?: string }[];
  return rules.flatMap((rule) => {
    const field = /^spec\.forProvider\.(\w+) is a required parameter$/.exec(rule.message ?? '')?.[1];
    if (!field) return [];
    const present =
      getPath(object, `spec.forProvider.${field}`) ?? getPath(object, `spec.initProvider.${field}`);
    return present === undefined ? [`${object.kind}/${object.metadata.name}: ${rule.message}`] : [];
  });
}
