import fc from 'fast-check';
import {
  badContentType,
  brokenJson,
  deepJson,
  hostileHeaderValue,
  hostileId,
  hostileString,
  wrongType,
} from './hostile-values';
import type { FuzzRequest } from '../http/send';

/** Junk headers a request may also carry (none of them should matter to the outcome class). */
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', '', 'application/json;q=0'),
    'x-request-id': hostileHeaderValue,
    traceparent: hostileHeaderValue,
    'idempotency-key': hostileHeaderValue,
    cookie: hostileHeaderValue.map((v) => `sid=${v}`),
  },
  { requiredKeys: [] },
);

/** GET <prefix><bad id><suffix>: the id is never a valid one. */
export function badIdPath(method: string, prefix: string, suffix = ''): fc.Arbitrary<FuzzRequest> {
  return fc.record({ id: hostileId, headers: extraHeaders }).map(({ id, headers }) => ({
    method,
    path: `${prefix}${id}${suffix}`,
    headers,
    label: `${method} ${prefix}${id}${suffix}`,
  }));
}

/** GET with hostile values for the given query keys (may be valid: lenient). */
export function badQuery(path: string, keys: string[]): fc.Arbitrary<FuzzRequest> {
  const values = fc.oneof(
    hostileString,
    wrongType.map((v) => JSON.stringify(v) ?? 'undefined'),
  );
  const query = fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor[prototype]'), values, {
    minKeys: 1,
    maxKeys: keys.length + 1,
  });
  return fc
    .record({ query, repeat: fc.boolean(), headers: extraHeaders })
    .map(({ query, repeat, headers }) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        search.append(k, v);
        if (repeat) search.append(k, v); // ?limit=1&limit=1 → an array in req.query
      }
      return { method: 'GET', path: `${path}?${search.toString()}`, headers, label: `GET ${path}?${search}` };
    });
}

/** One field of a valid example body, and values that field can never take. */
export interface FieldRule {
  path: (string | number)[];
  invalid: fc.Arbitrary<unknown>;
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

const REMOVE = Symbol('remove');

/**
 * JSON bodies that are invalid by construction: a valid example with at least one field broken (wrong
 * type, out of range, removed), maybe hostile free text on top; or broken/deep JSON; or the right JSON
 * under a wrong or missing content type.
 */
export function badJsonBody(
  method: string,
  path: fc.Arbitrary<string>,
  example: Record<string, unknown>,
  rules: FieldRule[],
  freeText: (string | number)[][] = [],
): fc.Arbitrary<FuzzRequest> {
  const broken = fc
    .record({
      rule: fc.constantFrom(...rules),
      remove: fc.boolean(),
      text: fc.option(
        fc.record({ at: fc.constantFrom(...(freeText.length ? freeText : [['x']])), value: hostileString }),
      ),
      extraKey: fc.option(fc.constantFrom('__proto__', 'constructor', 'isAdmin', '$where')),
    })
    .chain(({ rule, remove, text, extraKey }) =>
      rule.invalid.map((bad) => {
        let body = example as unknown;
        if (text && freeText.length) body = setAt(body, text.at, text.value);
        body = setAt(body, rule.path, remove ? REMOVE : bad);
        let json = JSON.stringify(body);
        if (extraKey) json = `${json.slice(0, -1)},${JSON.stringify(extraKey)}:{"polluted":true}}`;
        return { body: json, contentType: 'application/json' as string | undefined };
      }),
    );
  const malformed = fc.oneof(brokenJson, deepJson).map((body) => ({ body, contentType: 'application/json' }));
  const wrongContentType = badContentType.map((contentType) => ({
    body: JSON.stringify(example),
    contentType,
  }));
  const notObject = wrongType.map((v) => ({
    body: JSON.stringify(v) ?? 'null',
    contentType: 'application/json',
  }));
  return fc
    .record({
      path,
      payload: fc.oneof(
        { weight: 5, arbitrary: broken },
        { weight: 2, arbitrary: malformed },
        { weight: 2, arbitrary: wrongContentType },
        { weight: 1, arbitrary: notObject },
      ),
      headers: extraHeaders,
    })
    .map(({ path, payload, headers }) => ({
      method,
      path,
      headers: payload.contentType ? { ...headers, 'content-type': payload.contentType } : headers,
      body: payload.body,
      label: `${method} ${path} [${payload.contentType ?? 'no content-type'}] ${payload.body.slice(0, 160)}`,
    }));
}

/** Only junk headers on an otherwise plain request (endpoints without input). */
export function junkHeaders(method: string, path: string): fc.Arbitrary<FuzzRequest> {
  return extraHeaders.map((headers) => ({
    method,
    path,
    headers,
    label: `${method} ${path} ${JSON.stringify(headers)}`,
  }));
}
