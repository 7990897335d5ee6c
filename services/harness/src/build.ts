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

const builds = new Map<string, Promise<void>>();

/**
 * Runs `tsc -b` at the repository root once per process, so tests can spawn `services/<svc>/dist/src/server.js`.
 * `projects` (folders relative to the root, e.g. `['services/catalog']`) limits the build to those and what
 * they reference, so an unrelated workspace being edited cannot break the caller; default: every workspace.
 * Concurrent Jest workers serialise on a lock file (`flock`) so they never write the same outputs at once.
 */
export function ensureBuilt(projects: string[] = []): Promise<void> {
  const key = [...projects].sort().join(' ');
  let built = builds.get(key);
  if (!built) {
    built = runTscBuild(projects);
    builds.set(key, built);
  }
  return built;
}

function runTscBuild(projects: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const root = repoRoot();
    const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
    const lock = path.join(root, 'node_modules', '.harness-tsc.lock');
    const tscArgs = [tsc, '-b', ...projects];
    const [cmd, args] = hasFlock()
      ? ['flock', [lock, process.execPath, ...tscArgs]]
      : [process.execPath, tscArgs];
    execFile(
      cmd,
      args,
      { cwd: root, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(`tsc -b ${projects.join(' ')} failed in ${root}:\n${stdout}${stderr}`, {
              cause: error,
            }),
          );
        else resolve();
      },
    );
  });
}

function hasFlock(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'flock')));
}
