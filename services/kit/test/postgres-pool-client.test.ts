import { Client, Pool, type PoolClient } from 'pg';
import { testDatabase } from '@eks-sre-lab/harness';
import { isDatabaseConnectionError } from '../src/errors/database-outage';
import { GuardedClient, utcTimestampTypes } from '../src/postgres';

let url: string;
let admin: Client;
const pools: Pool[] = [];

beforeAll(async () => {
  url = await testDatabase('kit_pool_client');
  admin = new Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await admin.end();
});

function poolWith(ClientClass: typeof Client): Pool {
  const pool = new Pool({ connectionString: url, max: 2, Client: ClientClass, types: utcTimestampTypes });
  pool.on('error', () => undefined); // idle clients' errors, as TypeORM's pool handler
  pools.push(pool);
  return pool;
}

/** PostgreSQL ends the client's backend (FATAL 57P01, as in a fast shutdown) while it is checked out. */
async function terminateBackendOf(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const ended = new Promise((resolve) => client.once('end', resolve)); // not events.once: it rejects on 'error'
  await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
  await ended;
}

describe('GuardedClient (pool option Client)', () => {
  it('is the window it closes: pg-pool hands a client out with no error listener at all', async () => {
    const client = await poolWith(Client).connect();
    expect(client.listenerCount('error')).toBe(0); // an error now would be unhandled: a crash
    client.release();
  });

  it('survives its backend ending while checked out before any user listens, and the pool goes on', async () => {
    const pool = poolWith(GuardedClient);
    const client = await pool.connect();
    expect(client.listenerCount('error')).toBe(1);

    await terminateBackendOf(client); // without the guard: an unhandled 'error' event fails this test

    const failed = await client.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseConnectionError(failed)).toBe(true); // answered 503, not 500
    client.release();
    expect(pool.totalCount).toBe(0); // the broken client is dropped, not reused
    const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });

  it('reads TIMESTAMP columns as UTC wall-clock time', async () => {
    const { rows } = await poolWith(GuardedClient).query<{ at: Date }>(
      "SELECT TIMESTAMP '2026-01-02 03:04:05.678' AS at",
    );
    expect(rows[0]!.at.toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });
});
