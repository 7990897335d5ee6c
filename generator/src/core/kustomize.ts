import { joinPath, type OutputFile } from './files';
import type { ManifestObject } from './chart';
import { yamlFile } from './yaml';

export interface JsonPatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface Kustomization {
  kind?: 'Kustomization' | 'Component';
  namespace?: string;
  resources?: string[];
  components?: string[];
  configurations?: string[];
  patches?: { path?: string; patch?: string; target?: { kind?: string; name?: string; group?: string } }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  configMapGenerator?: { name: string; namespace?: string; literals: string[] }[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
}

/**
 * File name for one object: `<kind>-<name>.yaml` (one resource per file, named explicitly), or
 * `<kind>-<namespace>-<name>.yaml` in a folder that spans several namespaces.
 */
export function resourceFileName(object: ManifestObject, withNamespace = false): string {
  if (!object.metadata?.name) throw new Error(`a ${object.kind} has no metadata.name`);
  const ns = withNamespace && object.metadata.namespace ? `${object.metadata.namespace}-` : '';
  return `${object.kind.toLowerCase()}-${ns}${object.metadata.name}.yaml`;
}

/** kustomization.yaml for `dir`; refuses remote bases so every build is offline and pinned in Git. */
export function kustomizationFile(dir: string, k: Kustomization): OutputFile {
  for (const ref of [...(k.resources ?? []), ...(k.components ?? [])]) {
    if (/^[a-z]+:\/\/|^github\.com\/|\?ref=/.test(ref))
      throw new Error(`${dir}: remote base "${ref}" is not allowed`);
  }
  const apiVersion =
    k.kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  const body: Record<string, unknown> = { apiVersion, kind: k.kind ?? 'Kustomization' };
  for (const [key, value] of Object.entries(k)) {
    if (key !== 'kind' && value !== undefined) body[key] = value;
  }
  return yamlFile(joinPath(dir, 'kustomization.yaml'), body);
}

/** One file per object in `dir`, plus a kustomization listing them (after `extra.resources`). */
export function resourceDir(dir: string, objects: ManifestObject[], extra: Kustomization = {}): OutputFile[] {
  const files = new Map<string, OutputFile>();
  const multiNamespace = new Set(objects.map((o) => o.metadata.namespace ?? '')).size > 1;
  for (const object of objects) {
    const name = resourceFileName(object, multiNamespace);
    if (files.has(name)) throw new Error(`${dir}: two objects would be written to ${name}`);
    files.set(name, yamlFile(joinPath(dir, name), object));
  }
  const own = [...files.keys()].sort();
  return [
    ...files.values(),
    kustomizationFile(dir, { ...extra, resources: [...(extra.resources ?? []), ...own] }),
  ];
}
