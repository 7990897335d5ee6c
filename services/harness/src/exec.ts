import { execFile, execFileSync } from 'node:child_process';

export interface RunOptions {
  /** Run as this system user via `runuser -u USER --` (only when we are root). */
  asUser?: string;
  cwd?: string;
  timeoutMs?: number;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

function command(file: string, args: string[], asUser?: string): [string, string[]] {
  return asUser && isRoot() ? ['runuser', ['-u', asUser, '--', file, ...args]] : [file, args];
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(file: string, args: string[], options: RunOptions = {}): Promise<string> {
  const [cmd, argv] = command(file, args, options.asUser);
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      argv,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 60_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}${stdout}`));
        else resolve(stdout);
      },
    );
  });
}

/** Synchronous variant for process-exit cleanup (errors ignored). */
export function runSyncQuietly(file: string, args: string[], options: RunOptions = {}): void {
  const [cmd, argv] = command(file, args, options.asUser);
  try {
    execFileSync(cmd, argv, { stdio: 'ignore', timeout: options.timeoutMs ?? 10_000 });
  } catch {
    // best effort
  }
}

/** uid/gid of a system user (e.g. `postgres`), read from `id`. */
export function userIds(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
