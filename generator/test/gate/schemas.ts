import Ajv, { type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './kustomize';
import { strictify, type SchemaNode } from './strict-schema';

const K8S_ID = 'k8s';
const OBJECT_META = `${K8S_ID}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;

interface GvkEntry {
  group: string;
  version: string;
  kind: string;
}

/**
 * CRD patterns are Go regular expressions: inline flags such as `(?i)` become a JS flag. A pattern JS
 * cannot compile at all is not enforced (the field's type and strictness still are).
 */
const goRegExp = Object.assign(
  (pattern: string, flags: string): { test: (s: string) => boolean } => {
    let jsFlags = flags;
    const source = pattern.replace(/\(\?i\)/g, () => {
      if (!jsFlags.includes('i')) jsFlags += 'i';
      return '';
    });
    try {
      return new RegExp(source, jsFlags);
    } catch {
      return { test: () => true };
    }
  },
  { code: 'new RegExp' },
);

const gvkKey = (apiVersion: string, kind: string): string => `${apiVersion}/${kind}`;

/**
 * Strict validators for Kubernetes objects: built-in kinds from the per-group OpenAPI v3 documents in
 * <dir>/kubernetes, custom kinds from every CRD file under <dir>. Compiled lazily, cached per kind.
 */
export class SchemaRegistry {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: goRegExp },
  });
  private readonly builtin = new Map<string, string>(); // gvk → definition name
  private readonly crdFiles = new Map<string, string>(); // "group/Kind" → file
  private readonly crdSchemas = new Map<string, SchemaNode>(); // gvk → schema
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly dir: string) {
    this.loadKubernetes();
    this.indexCrds(dir);
  }

  private loadKubernetes(): void {
    const definitions: Record<string, unknown> = {};
    const k8sDir = join(this.dir, 'kubernetes');
    for (const file of readdirSync(k8sDir)
      .filter((f) => f.endsWith('_openapi.json'))
      .sort()) {
      const doc = JSON.parse(readFileSync(join(k8sDir, file), 'utf8')) as {
        components: { schemas: Record<string, SchemaNode> };
      };
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        definitions[name] = strictify(schema, (ref) =>
          ref.replace('#/components/schemas/', '#/definitions/'),
        );
        for (const gvk of (schema['x-kubernetes-group-version-kind'] as GvkEntry[] | undefined) ?? []) {
          const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
          this.builtin.set(gvkKey(apiVersion, gvk.kind), name);
        }
      }
    }
    this.ajv.addSchema({ definitions }, K8S_ID);
  }

  /** Reads only group and kind of each CRD file (cheap); the schema is parsed when a kind is first needed. */
  private indexCrds(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) this.indexCrds(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        if (!/^kind:\s*CustomResourceDefinition\s*$/m.test(text)) continue;
        const group = /^ {2}group:\s*(\S+)/m.exec(text)?.[1];
        const kind = /^ {4}kind:\s*(\S+)/m.exec(text)?.[1];
        if (group && kind) this.crdFiles.set(`${group}/${kind}`, path);
      }
    }
  }

  private loadCrd(group: string, kind: string): void {
    const file = this.crdFiles.get(`${group}/${kind}`);
    if (!file) return;
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = doc.toJS() as {
        spec: {
          group: string;
          names: { kind: string };
          versions: { name: string; schema?: { openAPIV3Schema: SchemaNode } }[];
        };
      };
      for (const version of crd.spec.versions) {
        if (!version.schema) continue;
        const schema = strictify(version.schema.openAPIV3Schema) as SchemaNode;
        const properties = { ...(schema['properties'] as SchemaNode), metadata: { $ref: OBJECT_META } };
        this.crdSchemas.set(gvkKey(`${crd.spec.group}/${version.name}`, crd.spec.names.kind), {
          ...schema,
          properties,
        });
      }
    }
  }

  /**
   * Registers the composite resource kind a Crossplane v2 XRD defines, so the lab's requests (XRs)
   * validate strictly like CRD objects. Issue 8: the XRDs live in the tree, not in the schema folder.
   */
  registerXrd(xrd: K8sObject): void {
    const spec = xrd['spec'] as {
      group: string;
      names: { kind: string };
      versions: { name: string; schema: { openAPIV3Schema: SchemaNode } }[];
    };
    for (const version of spec.versions) {
      const schema = strictify(version.schema.openAPIV3Schema) as SchemaNode;
      const properties = {
        ...(schema['properties'] as SchemaNode),
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: OBJECT_META },
      };
      const key = gvkKey(`${spec.group}/${version.name}`, spec.names.kind);
      this.crdSchemas.set(key, { ...schema, properties });
      this.cache.delete(key);
    }
  }

  /** The validator for an apiVersion/kind, or undefined when no schema is known for it. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined {
    const key = gvkKey(apiVersion, kind);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let schema: object | undefined;
    const builtin = this.builtin.get(key);
    if (builtin) schema = { $ref: `${K8S_ID}#/definitions/${builtin}` };
    else {
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
      if (!this.crdSchemas.has(key)) this.loadCrd(group, kind);
      schema = this.crdSchemas.get(key);
    }
    if (!schema) return undefined;
    const validate = this.ajv.compile(schema);
    this.cache.set(key, validate);
    return validate;
  }

  /** Problems with one object, each naming the field path; an unknown kind is a problem too. */
  validate(object: K8sObject): string[] {
    const where = `${object.kind}/${object.metadata?.name ?? '?'}`;
    const validate = this.validator(object.apiVersion, object.kind);
    if (!validate)
      return [`${where}: no schema for ${object.apiVersion} ${object.kind} (add its CRD to the schema dir)`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map((e) => {
      const extra =
        e.keyword === 'additionalProperties' ? ` "${String(e.params['additionalProperty'])}"` : '';
      return `${where}: ${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
    });
  }
}
