// Runs `npm start`'s entry point the way a terminal does: in its own process group, so a Ctrl-C
// (SIGINT to the whole group) reaches the CLI and every child that shares its group, as it would for a user.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { processesWithEnv, withDescendants, type ProcInfo } from './processes';

export const CLI = path.resolve(__dirname, '../../dist/src/cli.js');

export interface Printed {
  /** "Open <url>" */
  url: string;
  /** Every loopback port the banner names (web, catalog, order, main, postgres, redis, s3). */
  ports: number[];
  banner: string;
}

export interface RunningCli {
  child: ChildProcess;
  ready: Promise<Printed>;
  output(): string;
  /** Every live process this run started: those whose environment holds this run's id, and their children. */
  processes(): ProcInfo[];
  /** Ctrl-C in a terminal: SIGINT to the process group; resolves with the exit code. */
  ctrlC(): Promise<number | null>;
}

const RUN_VARIABLE = 'STACK_TEST_RUN';

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): RunningCli {
  const run = randomUUID();
  // In a full `npm test`, other projects' global setup puts their DATABASE_URL / REDIS_URL into the
  // environment Jest workers inherit: drop them, so the CLI starts its own unless a test passes them.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...inherited, ...env, [RUN_VARIABLE]: run },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, like a shell job
  });
  let output = '';
  const record = (c: Buffer) => (output += c.toString());
  child.stdout!.on('data', record);
  child.stderr!.on('data', record);
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const ready = new Promise<Printed>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const open = /Open (http:\/\/\S+)/.exec(output);
      if (open) resolve(parseBanner(output, open[1]!));
    });
    void exited.then(() => reject(new Error(`the CLI exited before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined); // a run interrupted on purpose never gets ready; awaiting callers still see it
  return {
    child,
    ready,
    output: () => output,
    processes: () => withDescendants(processesWithEnv(RUN_VARIABLE, run)).filter((p) => p.state !== 'Z'),
    async ctrlC() {
      process.kill(-child.pid!, 'SIGINT');
      return (await exited)[0];
    },
  };
}

function parseBanner(output: string, url: string): Printed {
  const banner = output.slice(output.indexOf('stack: ready'));
  const ports = [...banner.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  return { url, ports, banner };
}
