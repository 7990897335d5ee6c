import fc from 'fast-check';

/** Strings attackers and broken clients send: injections, unicode oddities, control bytes, huge ones. */
export const hostileStrings = [
  "' OR '1'='1",
  '1; DROP TABLE products; --',
  '1 UNION SELECT password FROM users',
  '$(rm -rf /)',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0041',
  '𝕳𝖊𝖑𝖑𝖔 🔥',
  'ﬀ\uFEFF\u200b',
  'NaN',
  'Infinity',
  '-0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n + 600)), // past every sane length limit
);

/** Numbers (and number-looking things) no integer field should accept. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, Infinity, -Infinity),
  fc.double({ noDefaultInfinity: false }).filter((n) => !Number.isInteger(n) || n <= 0 || n > 2 ** 31),
  fc.bigInt({ min: 2n ** 64n, max: 2n ** 200n }).map((n) => n.toString()),
  fc.constantFrom('1', '12abc', '0x10', '1e3', ' 7', ''),
);

/** Any JSON-ish value of the wrong kind for a field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 4 }),
);

/** Deeply nested JSON text (arrays or objects), as a raw body. */
export const deepJson: fc.Arbitrary<string> = fc
  .record({ depth: fc.integer({ min: 100, max: 5_000 }), kind: fc.constantFrom('array', 'object') })
  .map(({ depth, kind }) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Bodies that are not JSON at all, or broken JSON. */
export const brokenJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"a":}', "{'a':1}", '[1,2', 'undefined', '\u0000', '{"__proto__":{"polluted":1}}x'),
  fc.string({ maxLength: 60 }).map((s) => `{${s}`),
);

/** Path segments where an id belongs that are not a valid id. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', 'abc', '1e3', '0x1f', '99999999999999999999999', '%', '%zz', '%E0%A4%A'),
  hostileString.map((s) => encodeURIComponent(s)).filter((s) => s.length > 0 && !/^[1-9]\d{0,8}$/.test(s)),
);

/** Content types a JSON endpoint must refuse (or at least not choke on). */
export const badContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-7',
  'application/json; charset=nope',
  'application/octet-stream',
  '*/*',
  'application/jsonx',
);

/** Printable header values (what an HTTP client can actually put on the wire). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => /^[\x20-\x7e]+$/.test(s))),
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 300,
  }),
  fc.nat({ max: 6_000 }).map((n) => 'k'.repeat(n)),
);
