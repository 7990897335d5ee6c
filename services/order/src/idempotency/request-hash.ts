import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so key order in the client's body does not matter. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 (hex) of the validated, normalized body: "19.9", 19.9 and "19.90" are one price, and
 * whitespace or key order do not make two requests different.
 */
export function requestHash(normalizedBody: unknown): string {
  return createHash('sha256').update(canonicalJson(normalizedBody)).digest('hex');
}
