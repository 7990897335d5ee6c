import 'reflect-metadata';
import { poolClientOptions } from '@eks-sre-lab/kit/postgres';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

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
      ...poolClientOptions, // UTC timestamps; a client that always has an error listener
    },
  });
}
