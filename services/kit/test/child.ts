import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const kitDir = path.join(__dirname, '..');

export interface Child {
  process: ChildProcess;
  /** Parsed JSON lines of stdout so far. */
  lines: Record<string, unknown>[];
  stderr: string;
  /** Resolves with the first line matching. */
  waitForLine(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Runs test/fixtures/server.ts in a child Node process (TypeScript through @swc-node/register). */
export function spawnFixture(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/fixtures/server.ts'], {
    cwd: kitDir,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', REQUIRED_SECRET: 'long-enough', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    predicate: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  const result: Child = {
    process: child,
    lines,
    stderr: '',
    waitForLine(predicate, timeoutMs = 15_000) {
      const found = lines.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching line; stderr: ${result.stderr}`)),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.predicate(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  return result;
}

/** Starts the fixture and resolves with its base URL once it listens. */
export async function startFixture(env: Record<string, string> = {}): Promise<{ child: Child; url: string }> {
  const child = spawnFixture(env);
  const listening = await child.waitForLine((line) => line.msg === 'fixture listening');
  return { child, url: `http://127.0.0.1:${String(listening.port)}` };
}
