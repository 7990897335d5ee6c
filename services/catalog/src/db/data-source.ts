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

export interface CatalogDataSourceOptions {
  url: string;
  poolMax: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/** The catalog's TypeORM data source; the schema changes only through the committed migrations. */
export function createDataSource(options: CatalogDataSourceOptions): DataSource {
  const { url, poolMax, connectTimeoutMs = 5_000, statementTimeoutMs = 5_000 } = options;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: 'catalog',
    poolSize: poolMax,
    extra: {
      max: poolMax,
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      options: `-c timezone=UTC -c statement_timeout=${statementTimeoutMs}`,
      types: typeParsers,
    },
  });
}

/** Applies pending migrations; returns the names of those that ran. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}
