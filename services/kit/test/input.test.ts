import { z } from 'zod';
import { idempotencyKeySchema, queryInt, serialIdParam, text, userIdSchema } from '../src';

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

test('text() refuses the NUL character PostgreSQL cannot store, and chains further checks', () => {
  const name = text().trim().min(1).max(5);
  expect(name.parse('  mug ')).toBe('mug');
  expect(accepts(name, 'a\u0000b')).toBe(false);
  expect(name.safeParse('a\u0000b').error?.issues[0]?.message).toBe('must not contain the NUL character');
  expect(accepts(name, '   ')).toBe(false);
  expect(accepts(name, 'too long')).toBe(false);
});

test.each([
  ['1', 1],
  ['2147483647', 2147483647],
])('serialIdParam accepts %s', (value, id) => expect(serialIdParam.parse(value)).toBe(id));

test.each(['0', '01', '-1', '1.5', '1e3', 'abc', '', '2147483648', '99999999999'])(
  'serialIdParam refuses %j',
  (value) => expect(accepts(serialIdParam, value)).toBe(false),
);

test('userIdSchema: trimmed, 1-100 URL-safe characters', () => {
  expect(userIdSchema.parse(' alice@example.com ')).toBe('alice@example.com');
  for (const bad of ['', 'has space', 'a/b', 'a\u0000b', 'x'.repeat(101)])
    expect(accepts(userIdSchema, bad)).toBe(false);
});

test('idempotencyKeySchema: printable ASCII without spaces, at most 255', () => {
  expect(accepts(idempotencyKeySchema, '0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
  for (const bad of ['', 'has space', 'é', 'k'.repeat(256)])
    expect(accepts(idempotencyKeySchema, bad)).toBe(false);
});

test('queryInt: plain digits within the bounds', () => {
  const limit = queryInt(1, 100);
  expect(limit.parse('20')).toBe(20);
  for (const bad of ['0', '101', '-1', '1e1', '0x10', '1.0', '', ' 5'])
    expect(accepts(limit, bad)).toBe(false);
});
