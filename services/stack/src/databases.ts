// The stack's databases. A throwaway server gets fresh ones per run; an external DATABASE_URL gets
// catalog_db and order_db (the names compose and RDS use), created when missing and kept, so a developer's
// own PostgreSQL keeps its data across restarts (the seed skips a catalog that has data).
import { Client } from 'pg';
import { createDatabaseOn } from '@eks-sre-lab/harness';

export const EXTERNAL_DATABASES = { catalog: 'catalog_db', order: 'order_db' } as const;
const DUPLICATE_DATABASE = '42P04';

export interface StackDatabases {
  catalog: string;
  order: string;
}

export async function prepareDatabases(serverUrl: string, external: boolean): Promise<StackDatabases> {
  if (!external) {
    return {
      catalog: await createDatabaseOn(serverUrl, 'catalog'),
      order: await createDatabaseOn(serverUrl, 'orders'),
    };
  }
  return {
    catalog: await ensureDatabase(serverUrl, EXTERNAL_DATABASES.catalog),
    order: await ensureDatabase(serverUrl, EXTERNAL_DATABASES.order),
  };
}

/** Creates `name` on the server unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== DUPLICATE_DATABASE) throw error; // created concurrently: fine
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database name in a postgres:// URL. */
export const databaseNameOf = (url: string): string => new URL(url).pathname.slice(1);
