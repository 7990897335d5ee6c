// A compiled Node service as a child process on a fixed port: started, readiness-checked, killable and
// restartable for chaos tests. Follows the harness's startNodeService contract (name, entry, env, port →
// url, logs, kill, restart, stop) so it can be swapped for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export interface NodeServiceOptions {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  host?: string;
  /** Path answering 200 once the service is ready. */
  readyPath?: string;
  startTimeoutMs?: number;
  /** Forward the child's output to stderr, prefixed with its name. */
  verbose?: boolean;
}

export interface NodeServiceHandle {
  name: string;
  url: string;
  port: number;
  /** The live process id, or undefined while it is down. */
  readonly pid: number | undefined;
  /** The last lines the service printed (stdout and stderr). */
  readonly logs: string[];
  /** Sends a signal and waits for the exit (chaos: 'SIGKILL'). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (after kill/stop or while running: stops it first). */
  restart(): Promise<void>;
  /** SIGTERM (graceful drain), SIGKILL after the grace period. Safe to call twice. */
  stop(): Promise<void>;
}

const MAX_LOG_LINES = 500;
const STOP_GRACE_MS = 10_000;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort when this process dies without stop(): no orphaned service keeps its port. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export async function startNodeService(options: NodeServiceOptions): Promise<NodeServiceHandle> {
  installExitHook();
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host}:${options.port}`;
  const logs: string[] = [];
  let child: ChildProcess | undefined;

  const record = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      logs.push(line);
      if (options.verbose) process.stderr.write(`[${options.name}] ${line}\n`);
    }
    if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
  };

  const launch = async () => {
    const proc = spawn(process.execPath, [options.entry], {
      env: { ...process.env, ...options.env, PORT: String(options.port), HOST: host },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    live.add(proc);
    proc.stdout?.on('data', record);
    proc.stderr?.on('data', record);
    proc.once('exit', () => live.delete(proc));
    await waitReady(proc);
  };

  const waitReady = async (proc: ChildProcess) => {
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(
          `${options.name} exited during start (${proc.exitCode ?? proc.signalCode}):\n${tail(logs)}`,
        );
      }
      const ok = await fetch(`${url}${options.readyPath ?? '/readyz'}`, {
        signal: AbortSignal.timeout(1_000),
      })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await sleep(100);
    }
    proc.kill('SIGKILL');
    throw new Error(
      `${options.name} was not ready within ${options.startTimeoutMs ?? 30_000} ms:\n${tail(logs)}`,
    );
  };

  const terminate = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    name: options.name,
    url,
    port: options.port,
    get pid() {
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    logs,
    kill: (signal = 'SIGKILL') => terminate(signal),
    async restart() {
      await terminate('SIGTERM');
      await launch();
    },
    stop: () => terminate('SIGTERM'),
  };
}

function tail(lines: string[], n = 30): string {
  return lines.slice(-n).join('\n');
}
