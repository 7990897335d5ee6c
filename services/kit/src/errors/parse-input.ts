import type { z } from 'zod';
import { HttpProblem, type FieldError } from './http-problem';

/** `[{ field: 'body.price', message }]` for every issue of a zod error. */
export function fieldErrors(error: z.ZodError, where: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}

/**
 * Validates untrusted input (`req.body`, `req.query`, `req.params`) and returns the parsed value, or throws
 * a 400 problem naming each invalid field as `<where>.<path>`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, where);
  throw new HttpProblem(400, `invalid ${where}: ${errors.map((e) => e.field).join(', ')}`, { errors });
}
