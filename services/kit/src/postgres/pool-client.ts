import { Client, types, type ClientConfig } from 'pg';

const TIMESTAMP_OID = 1114; // TIMESTAMP WITHOUT TIME ZONE

/** The seed's TIMESTAMP columns hold UTC wall-clock time (sessions run in UTC): read them as UTC. */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** Per-connection type parsers (pool option `types`), so the process-wide pg defaults stay untouched. */
export const utcTimestampTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? parseUtcTimestamp
      : types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
};

// Nothing to do here: the client is already marked unusable, its next query fails with a connection
// error (answered 503 by databaseOutage()), and the pool drops it when it comes back.
const errorWithNoOtherListener = (): void => undefined;

/**
 * A pg client that always has an `error` listener (pool option `Client`). pg-pool removes its own listener
 * when it hands a client out and TypeORM adds its listener one microtask later, so an error that arrives in
 * the same socket read as the connection's ReadyForQuery — PostgreSQL shutting down or terminating the
 * backend just as it opens — is emitted with nobody listening and would crash the process.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', errorWithNoOtherListener);
  }
}

/** The pool options every service with a database passes (TypeORM: spread into `extra`). */
export const poolClientOptions = { Client: GuardedClient, types: utcTimestampTypes };
