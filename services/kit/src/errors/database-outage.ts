import { HttpProblem } from './http-problem';

/** Maps an error the generic handler does not know to a problem; `undefined` passes it on. */
export type ErrorMapper = (err: unknown) => HttpProblem | undefined;

/**
 * Codes that mean "the database connection is gone", not "the query is wrong": socket errors, PostgreSQL
 * `57P01` admin_shutdown, `57P02` crash_shutdown, `57P03` cannot_connect_now (starting up / shutting down)
 * and the `08xxx` connection exceptions.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** node-postgres / pg-pool failures that carry no code, only a message. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/i, // server closed the socket mid-query or while connecting
  /timeout exceeded when trying to connect/i, // pool: no connection within connectionTimeoutMillis
  /not queryable/i, // a client whose connection already failed
  /Client was closed/i,
];

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The error and what it wraps: TypeORM's `driverError`, `cause`, an AggregateError's `errors` (IPv4+IPv6). */
function* errorChain(err: unknown, depth = 0): Generator<object> {
  if (typeof err !== 'object' || err === null || depth > 4) return;
  yield err;
  const { driverError, cause, errors } = err as { driverError?: unknown; cause?: unknown; errors?: unknown };
  yield* errorChain(driverError, depth + 1);
  yield* errorChain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* errorChain(inner, depth + 1);
}

/** True when `err` (or what it wraps) says the PostgreSQL connection was refused, dropped or timed out. */
export function isDatabaseConnectionError(err: unknown): boolean {
  for (const link of errorChain(err)) {
    const code = codeOf(link);
    if (code !== undefined && CONNECTION_CODES.has(code)) return true;
    const message = (link as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) {
      return true;
    }
  }
  return false;
}

export interface DatabaseOutageOptions {
  /** Named in the problem's detail; `database` by default. */
  dependency?: string;
  /** `Retry-After` seconds; 5 by default (a PostgreSQL restart or fail-over takes seconds). */
  retryAfterSeconds?: number;
}

/**
 * A lost database connection is a dependency outage, not a bug: 503 problem+json with `Retry-After`
 * instead of a 500. Services with a database register it: `createService({ errorMappers: [databaseOutage()] })`.
 */
export function databaseOutage(options: DatabaseOutageOptions = {}): ErrorMapper {
  const { dependency = 'database', retryAfterSeconds = 5 } = options;
  return (err) =>
    isDatabaseConnectionError(err)
      ? new HttpProblem(503, `${dependency} unavailable: connection lost, retry shortly`, {
          retryAfterSeconds,
          cause: err,
        })
      : undefined;
}
