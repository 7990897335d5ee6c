import { QueryFailedError } from 'typeorm';

/** The SQLSTATE of a failed query (`23503` foreign key violation, ...), if it is one. */
export function sqlState(err: unknown): string | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const code = (err.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const SQLSTATE = {
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  numericOutOfRange: '22003',
} as const;
