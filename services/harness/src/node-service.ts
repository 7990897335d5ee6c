import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { killQuietly, onProcessExit } from './cleanup';
import { LogLines } from './log-lines';
import { freePort } from './ports';
import { waitUntil } from './wait';

export interface NodeServiceOptions {
  /** Used in messages and log prefixes. */
  name: string;
  /** Absolute path of the script to run with `node`. */
  entry: string;
  /** Added to this process's environment (values `undefined` remove a variable). PORT is set for you. */
  env?: Record<string, string | undefined>;
  /** Default: a free loopback port. Kept across restart(). */
  port?: number;
  /** Answers 200 when the service is ready. Default `/readyz`. */
  readyPath?: string;
  /** Bound on reaching readiness. Default 30 s. */
  timeoutMs?: number;
  /** SIGTERM → SIGKILL grace in stop(). Default 5 s. */
  stopGraceMs?: number;
  /** Extra `node` flags (e.g. `--enable-source-maps`). */
  nodeArgs?: string[];
  cwd?: string;
  /** Lines kept in `logs`. Default 2000. */
  logCapacity?: number;
  /** Called with every complete stdout/stderr line as it arrives (e.g. to forward logs with a prefix). */
  onLine?: (line: string) => void;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeServiceHandle {
  name: string;
  /** What it was started with: start another replica of it with `{ ...options, name, port }`. */
  readonly options: NodeServiceOptions;
  /** Pid of the current process (changes on restart). */
  readonly pid: number;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The last stdout/stderr lines of every run so far (a bounded ring), oldest first. */
  readonly logs: string[];
  /** Sends a signal; resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ExitStatus>;
  /** SIGTERM, SIGKILL after the grace; resolves with how it exited. */
  stop(): Promise<ExitStatus>;
  /** Stops (if running) and starts again on the same port; resolves when ready. */
  restart(): Promise<void>;
  /** Resolves when the current process exits (by itself or otherwise). */
  waitExit(): Promise<ExitStatus>;
}

const HOST = '127.0.0.1';

/** GET http://127.0.0.1:port/path answers 200. */
function answers200(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
}

/** A data listener that calls `onLine` per complete line (one per stream, so partial lines never mix). */
function splitLines(onLine: (line: string) => void): (chunk: Buffer) => void {
  let partial = '';
  return (chunk) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) onLine(line.replace(/\r$/, ''));
  };
}

class NodeService implements NodeServiceHandle {
  private child: ChildProcess | undefined;
  private exit: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private exited = true;
  private readonly output: LogLines;
  private unregister: () => void = () => undefined;

  constructor(
    readonly options: NodeServiceOptions,
    readonly port: number,
  ) {
    this.output = new LogLines(options.logCapacity ?? 2_000);
  }

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get logs(): string[] {
    return this.output.all();
  }

  async start(): Promise<void> {
    const { entry, env = {}, nodeArgs = [], cwd, readyPath = '/readyz', timeoutMs = 30_000 } = this.options;
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      cwd,
      env: { ...process.env, HOST, ...env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = false;
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = true;
        this.unregister();
        resolve({ code, signal });
      }),
    );
    child.stdout?.on('data', (chunk: Buffer) => this.output.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.output.write(chunk));
    const { onLine } = this.options;
    if (onLine) for (const stream of [child.stdout, child.stderr]) stream?.on('data', splitLines(onLine));
    this.unregister = onProcessExit(() => killQuietly(child.pid));
    try {
      await waitUntil(() => answers200(this.port, readyPath), {
        what: `${this.name} to answer 200 on ${this.url}${readyPath}`,
        timeoutMs,
        intervalMs: 100,
        abort: () => (this.exited ? new Error(`${this.name} exited before it was ready`) : undefined),
      });
    } catch (error) {
      await this.stop();
      const tail = this.output.tail(30).join('\n');
      throw new Error(`${(error as Error).message}\n--- last ${this.name} log lines ---\n${tail}`, {
        cause: error,
      });
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
    if (!this.exited) this.child?.kill(signal);
    return this.exit;
  }

  async stop(): Promise<ExitStatus> {
    if (this.exited) return this.exit;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), this.options.stopGraceMs ?? 5_000);
    try {
      return await this.kill('SIGTERM');
    } finally {
      clearTimeout(timer);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  waitExit(): Promise<ExitStatus> {
    return this.exit;
  }
}

/** Spawns `node <entry>` with PORT set and resolves once GET readyPath answers 200. */
export async function startNodeService(options: NodeServiceOptions): Promise<NodeServiceHandle> {
  const service = new NodeService(options, options.port ?? (await freePort()));
  await service.start();
  return service;
}
