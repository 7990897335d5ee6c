import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file whose package.json declares workspaces. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && 'workspaces' in JSON.parse(fs.readFileSync(manifest, 'utf8'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}

let built: Promise<void> | undefined;

/**
 * Runs `tsc -b` at the repository root once per process, so tests can spawn `services/<svc>/dist/src/server.js`.
 * Concurrent Jest workers serialise on a lock file (`flock`) so they never write the same outputs at once.
 */
export function ensureBuilt(): Promise<void> {
  built ??= new Promise<void>((resolve, reject) => {
    const root = repoRoot();
    const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
    const lock = path.join(root, 'node_modules', '.harness-tsc.lock');
    const [cmd, args] = hasFlock()
      ? ['flock', [lock, process.execPath, tsc, '-b']]
      : [process.execPath, [tsc, '-b']];
    execFile(
      cmd,
      args,
      { cwd: root, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`tsc -b failed in ${root}:\n${stdout}${stderr}`, { cause: error }));
        else resolve();
      },
    );
  });
  return built;
}

function hasFlock(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'flock')));
}
