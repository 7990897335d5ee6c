import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BinarySearch, findBinary } from './binaries';
import { killQuietly, onProcessExit } from './cleanup';
import { LogLines } from './log-lines';
import { freePort } from './ports';
import { waitUntil } from './wait';

export interface RedisOptions {
  /** Where to look for redis-server; defaults to PATH. */
  search?: BinarySearch;
  /** Fixed port; default: a free loopback port. */
  port?: number;
  startTimeoutMs?: number;
}

export interface RedisHandle {
  /** redis://127.0.0.1:PORT */
  url: string;
  host: string;
  port: number;
  /** Starts redis-server again on the same port (after stop()); resolves when PING answers. */
  start(): Promise<void>;
  /** SIGTERM (SIGKILL after a grace), then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STOP_GRACE_MS = 5_000;

/** Sends PING over a raw socket; true on +PONG (no client library needed). */
export function ping(port: number, host = HOST, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

class Redis implements RedisHandle {
  readonly host = HOST;
  private child: ChildProcess | undefined;
  private dir: string | undefined;
  private readonly output = new LogLines(50);
  private unregister: () => void = () => undefined;

  constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  get url(): string {
    return `redis://${HOST}:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-redis-'));
    const args = ['--port', String(this.port), '--bind', HOST, '--protected-mode', 'no'];
    args.push('--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no');
    const child = spawn(this.binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.dir = dir;
    this.output.clear();
    child.stdout?.on('data', (chunk: Buffer) => this.output.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.output.write(chunk));
    this.unregister = onProcessExit(() => {
      killQuietly(child.pid);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    try {
      await waitUntil(() => ping(this.port), {
        what: `redis-server on ${this.url}`,
        timeoutMs: this.timeoutMs,
        abort: () =>
          child.exitCode !== null || child.signalCode !== null
            ? new Error(`redis-server exited (${child.exitCode ?? child.signalCode})`)
            : undefined,
      });
    } catch (error) {
      await this.stop();
      throw new Error(`${(error as Error).message}\n${this.output.tail().join('\n')}`, { cause: error });
    }
  }

  async stop(): Promise<void> {
    const { child, dir } = this;
    this.child = undefined;
    this.dir = undefined;
    this.unregister();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a throwaway redis-server (no persistence, loopback only) on a free port. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisHandle> {
  const binary = findBinary('redis-server', 'redis-server', options.search);
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    const redis = new Redis(binary, options.port ?? (await freePort()), timeoutMs);
    try {
      await redis.start();
      return redis;
    } catch (error) {
      if (attempt >= 3 || options.port) throw error;
    }
  }
}
