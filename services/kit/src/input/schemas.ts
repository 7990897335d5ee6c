import { z } from 'zod';

/** Largest PostgreSQL INTEGER: the range of a SERIAL id. */
export const INT4_MAX = 2_147_483_647;

/**
 * A string PostgreSQL can store: TEXT/VARCHAR refuse the NUL character (SQLSTATE 22021), which would
 * otherwise surface as a 500. Chain the usual checks after it: `text().trim().min(1).max(255)`.
 */
export const text = () =>
  z.string().refine((value) => !value.includes('\u0000'), 'must not contain the NUL character');

/** A SERIAL id as written in a path or query: digits only, no sign or leading zero, within INTEGER. */
export const serialIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer id')
  .transform(Number)
  .refine((id) => id <= INT4_MAX, `must be at most ${INT4_MAX}`);

/** A query parameter holding a whole number in [min, max], written in plain digits (no sign, exponent or hex). */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** A user id: fits the seed's user_id VARCHAR(100) and is safe in a URL path. */
export const userIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.@+-]+$/, 'letters, digits and . _ @ + - only');

/** An `Idempotency-Key` header: printable ASCII without spaces (UUIDs, ULIDs...), at most 255 characters. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
