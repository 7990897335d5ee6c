import 'reflect-metadata';
import { poolClientOptions } from '@eks-sre-lab/kit/postgres';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

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
      ...poolClientOptions, // UTC timestamps; a client that always has an error listener
    },
  });
}

/** Arbitrary constant key of the session-level advisory lock that serialises migration runs. */
const MIGRATION_LOCK_KEY = 727_384_001;

/**
 * Applies pending migrations and returns the names of those that ran. TypeORM does not lock, so two
 * replicas starting with MIGRATE_ON_START would race: a PostgreSQL advisory lock lets one migrate while
 * the other waits, then finds nothing pending.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
