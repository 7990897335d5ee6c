import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

const TIMESTAMP_OID = 1114; // TIMESTAMP WITHOUT TIME ZONE

/** The seed's TIMESTAMP columns hold UTC wall-clock time (the session runs in UTC): read them as UTC. */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** Per-connection type parsers, so the process-wide pg defaults stay untouched. */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? parseUtcTimestamp
      : types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
};

export interface DataSourceOptions {
  url: string;
  poolMax: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

export function createDataSource({ url, poolMax, applicationName = 'order' }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false, // schema changes only through committed migrations
    applicationName,
    extra: {
      max: poolMax,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      options: '-c timezone=UTC',
      types: typeParsers,
    },
  });
}
