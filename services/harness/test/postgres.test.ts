import { Client } from 'pg';
import { startPostgres, testDatabase, type PostgresHandle } from '../src';
import { withClient } from '../src/database';

describe('startPostgres', () => {
  let pg: PostgresHandle;

  beforeAll(async () => {
    pg = await startPostgres();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('serves SQL on a loopback port and creates fresh databases', async () => {
    expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${pg.port}/postgres`);
    const url = await pg.createDatabase('round-trip');
    expect(new URL(url).pathname).toMatch(/^\/round_trip_[0-9a-f]{10}$/);
    const rows = await withClient(url, async (client) => {
      await client.query('CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL)');
      await client.query('INSERT INTO item (name) VALUES ($1), ($2)', ['alpha', 'beta']);
      return (await client.query<{ name: string }>('SELECT name FROM item ORDER BY id')).rows;
    });
    expect(rows.map((r) => r.name)).toEqual(['alpha', 'beta']);
  });

  it('keeps its data across a restart on the same port', async () => {
    const url = await pg.createDatabase('restart');
    await withClient(url, (c) => c.query("CREATE TABLE kept AS SELECT 'still here'::text AS v"));
    const portBefore = pg.port;
    await pg.restart();
    expect(pg.port).toBe(portBefore);
    const { rows } = await withClient(url, (c) => c.query<{ v: string }>('SELECT v FROM kept'));
    expect(rows).toEqual([{ v: 'still here' }]);
  });

  it('removes its data dir on stop and refuses connections afterwards', async () => {
    const other = await startPostgres();
    await other.stop();
    const fs = await import('node:fs');
    expect(fs.existsSync(other.dir)).toBe(false);
    const client = new Client({ connectionString: other.url, connectionTimeoutMillis: 2_000 });
    await expect(client.connect()).rejects.toThrow();
  });
});

describe('testDatabase (global setup)', () => {
  it('creates a fresh database on the run-wide DATABASE_URL', async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const url = await testDatabase('harness');
    const { rows } = await withClient(url, (c) => c.query<{ db: string }>('SELECT current_database() AS db'));
    expect(rows[0]?.db).toBe(new URL(url).pathname.slice(1));
  });
});
