// `npm start` itself: prints the URL, serves the shop, honours ports and DATABASE_URL / REDIS_URL, and a
// Ctrl-C leaves no process and no listening port behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Client } from 'pg';
import {
  freePort,
  isListening,
  startPostgres,
  startRedis,
  type PostgresHandle,
  type RedisHandle,
} from '@eks-sre-lab/harness';
import { serviceNodeFlags } from '@eks-sre-lab/kit';
import { ensureBuilt } from './support/build';
import { CLI, runCli, type RunningCli } from './support/cli';
import { waitUntil } from '@eks-sre-lab/harness';
import { isAlive, type ProcInfo } from './support/processes';

jest.setTimeout(90_000);

beforeAll(() => ensureBuilt());

let cli: RunningCli | undefined;
afterEach(async () => {
  if (cli?.child.exitCode === null) await cli.ctrlC(); // a failed test must not leave the stack running
  cli = undefined;
});

/** Those of the processes still running, by command line. */
const leftovers = (procs: ProcInfo[]) => procs.filter((p) => isAlive(p.pid)).map((p) => p.cmdline);

async function stillListening(ports: number[]): Promise<number[]> {
  const open = await Promise.all(ports.map((port) => isListening(port)));
  return ports.filter((_, i) => open[i]);
}

it('rejects invalid ports with a readable message and exit code 2', async () => {
  const child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  expect(code).toBe(2);
  expect(stderr).toContain('invalid options');
  expect(stderr).toContain('port');
});

it('starts the shop, prints the URL, and Ctrl-C stops every process and frees every port', async () => {
  cli = runCli(['--port', '0']);
  const printed = await cli.ready;

  const page = await fetch(printed.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  const products = await fetch(`${printed.url}/api/products?limit=2`);
  expect(products.status).toBe(200);
  expect(((await products.json()) as { items: unknown[] }).items).toHaveLength(2); // sample data loaded

  const started = cli.processes();
  const commands = started.map((p) => p.cmdline).join('\n');
  for (const part of [
    'node ' + CLI,
    'postgres -D',
    'redis-server',
    'catalog/dist',
    'order/dist',
    'main/dist',
  ]) {
    expect(commands).toContain(part); // the scan sees every kind of process the stack starts
  }
  for (const service of ['catalog', 'order', 'main']) {
    const line = started.find((p) => p.cmdline.includes(`${service}/dist`))!.cmdline;
    expect(line).toContain(`${serviceNodeFlags.join(' ')} `); // the images' node flags
  }
  expect(printed.ports).toHaveLength(7);
  expect(await stillListening(printed.ports)).toEqual(printed.ports);

  expect(await cli.ctrlC()).toBe(0);
  expect(cli.output()).toContain('stack: stopped');
  expect(leftovers(started)).toEqual([]);
  expect(cli.processes().map((p) => p.cmdline)).toEqual([]);
  expect(await stillListening(printed.ports)).toEqual([]);
});

it('Ctrl-C in the middle of starting still leaves no process behind', async () => {
  cli = runCli(['--port', '0']);
  // Interrupt once PostgreSQL runs and the services are on their way.
  await waitUntil(async () => cli!.processes().some((p) => /redis-server/.test(p.cmdline)), {
    what: 'the stack to have started Redis',
    timeoutMs: 30_000,
  });
  const started = cli.processes();
  const code = await cli.ctrlC();
  expect(leftovers(started)).toEqual([]);
  expect(cli.output()).not.toContain('Open http');
  expect([0, 130]).toContain(code);
  expect(cli.processes().map((p) => p.cmdline)).toEqual([]);
});

describe('with DATABASE_URL, REDIS_URL and fixed ports', () => {
  let postgres: PostgresHandle;
  let redis: RedisHandle;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  it('uses those servers, keeps them running and keeps the data', async () => {
    const [web, main, catalog, order] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    cli = runCli(['--port', String(web), '--catalog-port', String(catalog)], {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      STACK_MAIN_PORT: String(main),
      STACK_ORDER_PORT: String(order),
    });
    const printed = await cli.ready;
    expect(printed.url).toBe(`http://127.0.0.1:${web}`);
    for (const port of [main, catalog, order]) expect(printed.banner).toContain(`127.0.0.1:${port}`);
    expect(printed.banner).toContain('external DATABASE_URL   databases catalog_db, order_db');
    expect(printed.banner).toContain(redis.url);
    expect((await fetch(`${printed.url}/api/products/1`)).status).toBe(200); // cached in our Redis

    const started = cli.processes();
    expect(started.length).toBeGreaterThanOrEqual(4); // the CLI, catalog, order, main
    expect(await cli.ctrlC()).toBe(0);
    expect(leftovers(started)).toEqual([]);
    expect(cli.processes().map((p) => p.cmdline)).toEqual([]);

    // The external servers were not stopped and hold the stack's data.
    const db = new Client({ connectionString: postgres.url.replace(/\/postgres$/, '/catalog_db') });
    await db.connect();
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM products');
    await db.end();
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(await redisKeyCount(redis.port)).toBeGreaterThan(0);
  });
});

/** DBSIZE over a raw socket (the stack test needs no Redis client for one number). */
async function redisKeyCount(port: number): Promise<number> {
  const net = await import('node:net');
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.write('DBSIZE\r\n');
  const [reply] = (await once(socket, 'data')) as [Buffer];
  socket.destroy();
  return Number(/^:(\d+)/.exec(reply.toString())?.[1] ?? NaN);
}
