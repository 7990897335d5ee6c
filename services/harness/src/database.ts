import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Runs one function with a short-lived client on `url`. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A safe, unique database name: `<prefix>_<random>` in lower-case identifier characters. */
export function databaseName(prefix: string): string {
  const clean =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .slice(0, 40) || 'db';
  return `${clean}_${randomBytes(5).toString('hex')}`;
}

/** Creates a fresh database on the server of `serverUrl` and returns the URL that points at it. */
export async function createDatabaseOn(serverUrl: string, prefix: string): Promise<string> {
  const name = databaseName(prefix);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database on the run's PostgreSQL (`process.env.DATABASE_URL`, set by the Jest global setup).
 * Each test file gets its own database, so files can run in parallel without sharing tables.
 */
export async function testDatabase(prefix = 'test'): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'testDatabase(): DATABASE_URL is not set. Use workspaceJestConfig(__dirname, { datastores: true }) ' +
        'in jest.config.js, or export DATABASE_URL to a PostgreSQL server.',
    );
  }
  return createDatabaseOn(serverUrl, prefix);
}
