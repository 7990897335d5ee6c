import fc from 'fast-check';
import { hostileNumber, hostileStrings } from './hostile-values';

// Values each kind of field can never take, whatever the exact schema (so "strict" stays true).

/** Not a positive int4 id and not a quantity in 1..1000. */
export const invalidCount: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  fc.constantFrom(null, true, [], {}, [1], { value: 1 }),
);

const userIdPattern = /^[\w.@+-]{1,100}$/;

/** Not a user id (letters, digits and . _ @ + -, 1..100 after trimming). */
export const invalidUserId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => !userIdPattern.test(s.trim()))),
  fc.constantFrom('', '   ', 'a'.repeat(101), 'a b', 'ü', '😀', "o'brien", 'x/y'),
  fc.constantFrom(0, 1, null, true, [], {}, ['user']),
);

/** Not a non-empty text of at most 500 characters. */
export const invalidText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', '   ', '\t\n', 'x'.repeat(501), 'ab'.repeat(20_000)),
  fc.constantFrom(0, -1, null, true, [], {}, ['street']),
);

/** Not a money amount (DECIMAL(10,2), not negative). */
export const invalidMoney: fc.Arbitrary<unknown> = fc.constantFrom(
  'abc',
  '-1',
  '-0.01',
  '1.999',
  '99999999999.99',
  'NaN',
  'Infinity',
  '',
  '1,50',
  '0x10',
  null,
  true,
  [],
  {},
  -5,
  1e12,
);

/** Not a known status of anything. */
export const invalidStatus: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom('', 'PENDING ', 'shipped!', 'deleted', 0, null, [], {}),
);
