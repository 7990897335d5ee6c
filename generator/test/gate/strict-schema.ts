/** A JSON schema node (OpenAPI v3 / CRD structural schema), loosely typed. */
export type SchemaNode = { [keyword: string]: unknown };

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Makes a schema strict the way the API server's field validation is: where a schema lists `properties`
 * and says nothing about others (no additionalProperties, no x-kubernetes-preserve-unknown-fields), an
 * unknown field is an error. int-or-string without a type gets one. Refs are renamed by `renameRef`.
 */
export function strictify(node: unknown, renameRef: (ref: string) => string = (r) => r): unknown {
  if (Array.isArray(node)) return node.map((n) => strictify(n, renameRef));
  if (!isNode(node)) return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'default' || key === 'example') continue; // smaller, faster to compile
    if (key === '$ref' && typeof value === 'string') out[key] = renameRef(value);
    else if (key === 'properties' && isNode(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, strictify(sub, renameRef)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key) && isNode(value))
      out[key] = strictify(value, renameRef);
    else if (['allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value))
      out[key] = strictify(value, renameRef);
    else out[key] = value;
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (isNode(node['properties']) && node['additionalProperties'] === undefined && !preserve) {
    out['additionalProperties'] = false;
  }
  if (node['x-kubernetes-int-or-string'] === true && !node['anyOf'] && !node['oneOf'] && !node['type']) {
    out['anyOf'] = [{ type: 'integer' }, { type: 'string' }];
  }
  return out;
}
