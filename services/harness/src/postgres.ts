import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BinarySearch, findBinary, postgresBinDirs } from './binaries';
import { killQuietly, onProcessExit } from './cleanup';
import { createDatabaseOn, withClient } from './database';
import { isRoot, run, runSyncQuietly, userIds } from './exec';
import { freePort } from './ports';
import { waitUntil } from './wait';

export interface PostgresOptions {
  /** Where to look for initdb/pg_ctl; defaults to PATH, then /usr/lib/postgresql/<major>/bin. */
  search?: BinarySearch;
  /** Fixed port; default: a free loopback port. */
  port?: number;
  startTimeoutMs?: number;
}

export interface PostgresHandle {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  host: string;
  port: number;
  /** Temp dir holding the data dir, the socket and postgres.log. */
  dir: string;
  /** Creates a fresh database `<prefix>_<random>` and returns its URL. */
  createDatabase(prefix: string): Promise<string>;
  /** Fast shutdown and start again on the same port, keeping the data. */
  restart(): Promise<void>;
  /** Fast shutdown, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const OS_USER = 'postgres';
const DEBIAN_PACKAGE = 'postgresql-15';

// Throwaway server: durability off, small memory, loopback only, socket inside the temp dir.
const settings = (dir: string) => ({
  listen_addresses: `'${HOST}'`,
  unix_socket_directories: `'${dir}'`,
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: "'32MB'",
  max_connections: '200',
  log_min_messages: 'warning',
});

interface Binaries {
  initdb: string;
  pgCtl: string;
}

function findBinaries(search: BinarySearch = {}): Binaries {
  const extraDirs = search.extraDirs ?? postgresBinDirs();
  const initdb = findBinary('initdb', DEBIAN_PACKAGE, { ...search, extraDirs });
  // pg_ctl from the same installation as initdb (PATH entries are often symlinks into /usr/lib/postgresql).
  const binDir = path.dirname(fs.realpathSync(initdb));
  const pgCtl = findBinary('pg_ctl', DEBIAN_PACKAGE, { path: binDir, extraDirs: [] });
  return { initdb, pgCtl };
}

/** Temp dir owned by the `postgres` user when we are root (initdb/postgres refuse to run as root). */
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-pg-'));
  if (isRoot()) {
    const { uid, gid } = userIds(OS_USER);
    fs.chownSync(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o700);
  return dir;
}

async function initCluster(bins: Binaries, dir: string, dataDir: string): Promise<void> {
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
  await run(bins.initdb, args, { asUser: OS_USER, cwd: dir });
  // Trust only the unix socket in the temp dir and loopback TCP.
  fs.writeFileSync(
    path.join(dataDir, 'pg_hba.conf'),
    'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n',
  );
  const conf = Object.entries(settings(dir)).map(([key, value]) => `${key} = ${value}`);
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# harness\n${conf.join('\n')}\n`);
}

function logTail(dir: string, lines = 20): string {
  try {
    return fs
      .readFileSync(path.join(dir, 'postgres.log'), 'utf8')
      .trim()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

async function accepts(url: string): Promise<boolean> {
  await withClient(url, (client) => client.query('SELECT 1'));
  return true;
}

class Postgres implements PostgresHandle {
  readonly host = HOST;
  private stopped = false;
  private unregister: () => void = () => undefined;

  constructor(
    private readonly bins: Binaries,
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@${HOST}:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  private pgCtl(args: string[]): Promise<string> {
    return run(this.bins.pgCtl, ['-D', this.dataDir, ...args], { asUser: OS_USER, cwd: this.dir });
  }

  async init(timeoutMs: number): Promise<void> {
    this.unregister = onProcessExit(() => this.killNow());
    await initCluster(this.bins, this.dir, this.dataDir);
    await this.start(timeoutMs);
  }

  private async start(timeoutMs = 30_000): Promise<void> {
    const log = path.join(this.dir, 'postgres.log');
    const timeout = String(Math.ceil(timeoutMs / 1000));
    try {
      await this.pgCtl(['-l', log, '-w', '-t', timeout, '-o', `-p ${this.port}`, 'start']);
      await waitUntil(() => accepts(this.url), { what: `PostgreSQL on ${this.url}`, timeoutMs });
    } catch (error) {
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${logTail(this.dir)}`, {
        cause: error,
      });
    }
  }

  /** Synchronous last-resort stop for process exit: immediate shutdown, SIGKILL if that fails. */
  private killNow(): void {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    const args = ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '5', 'stop'];
    if (pid) runSyncQuietly(this.bins.pgCtl, args, { asUser: OS_USER });
    if (fs.existsSync(pidFile)) killQuietly(pid, 'SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  createDatabase(prefix: string): Promise<string> {
    return createDatabaseOn(this.url, prefix);
  }

  async restart(): Promise<void> {
    await this.pgCtl(['-m', 'fast', '-w', 'stop']);
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unregister();
    try {
      await this.pgCtl(['-m', 'fast', '-w', 'stop']);
    } catch {
      // already down, or pg_ctl failed: killNow below makes sure nothing is left
    }
    this.killNow();
  }
}

/** Starts a throwaway PostgreSQL (initdb + pg_ctl in a temp dir) on a free loopback port. */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresHandle> {
  const bins = findBinaries(options.search);
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  // A free port can be taken between probing and binding: retry with a new one.
  for (let attempt = 1; ; attempt++) {
    const pg = new Postgres(bins, makeTempDir(), options.port ?? (await freePort()));
    try {
      await pg.init(timeoutMs);
      return pg;
    } catch (error) {
      await pg.stop();
      if (attempt >= 3 || options.port) throw error;
    }
  }
}
