import type { SchemaNode } from '../gate/strict-schema';

// Crossplane field paths (`spec.forProvider.tags[eks-sre-lab.io/lab]`, `status.atProvider.identity[0].oidc[0].issuer`):
// parsing, reading, writing, and checking that a path exists in an OpenAPI schema.

export type Segment = { field: string } | { index: number } | { key: string };

export function parseFieldPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const re = /([^.[\]]+)|\[([^\]]+)\]/g;
  for (const match of path.matchAll(re)) {
    if (match[1] !== undefined) segments.push({ field: match[1] });
    else if (/^\d+$/.test(match[2]!)) segments.push({ index: Number(match[2]) });
    else segments.push({ key: match[2]! });
  }
  return segments;
}

const nameOf = (s: Segment): string | number => ('field' in s ? s.field : 'key' in s ? s.key : s.index);

/** Object metadata as compositions may patch it (the CRDs reference ObjectMeta, which we do not inline). */
const METADATA: SchemaNode = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const ANY: SchemaNode = { 'x-kubernetes-preserve-unknown-fields': true };

function child(node: SchemaNode, segment: Segment): SchemaNode | undefined {
  if (node['x-kubernetes-preserve-unknown-fields'] === true && !node['properties']) return ANY;
  if ('index' in segment) return node['items'] as SchemaNode | undefined;
  const name = nameOf(segment) as string;
  const props = node['properties'] as Record<string, SchemaNode> | undefined;
  if (props?.[name]) return props[name];
  const extra = node['additionalProperties'];
  if (typeof extra === 'object' && extra !== null) return extra as SchemaNode;
  if (extra === true || node['x-kubernetes-preserve-unknown-fields'] === true) return ANY;
  return undefined;
}

/** The schema node at `path` in an object schema, or undefined when the path does not exist there. */
export function schemaAt(root: SchemaNode, path: string): SchemaNode | undefined {
  const segments = parseFieldPath(path);
  let node: SchemaNode | undefined = root;
  segments.forEach((segment, i) => {
    if (!node) return;
    node = i === 0 && 'field' in segment && segment.field === 'metadata' ? METADATA : child(node, segment);
  });
  return node;
}

export function getPath(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const segment of parseFieldPath(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[nameOf(segment)];
  }
  return value;
}

export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parseFieldPath(path);
  let target: Record<string | number, unknown> = object;
  segments.forEach((segment, i) => {
    const name = nameOf(segment);
    if (i === segments.length - 1) {
      target[name] = value;
      return;
    }
    const next = segments[i + 1]!;
    if (target[name] === undefined || target[name] === null) target[name] = 'index' in next ? [] : {};
    target = target[name] as Record<string | number, unknown>;
  });
}
