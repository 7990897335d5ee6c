// The stack runs compiled services and the built frontend; build what is missing so a fresh clone's
// `npx jest --selectProjects stack` works without a separate build step (`npm test` has run tsc -b already).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@eks-sre-lab/harness';

const REPO = repoRoot(__dirname);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const entries = ['catalog', 'order', 'main', 'stack'].map((s) =>
    path.join(REPO, 'services', s, s === 'stack' ? 'dist/src/cli.js' : 'dist/src/server.js'),
  );
  if (entries.some((e) => !fs.existsSync(e))) {
    execFileSync(
      'npx',
      ['tsc', '-b', 'services/catalog', 'services/order', 'services/main', 'services/stack'],
      {
        cwd: REPO,
        stdio: 'inherit',
      },
    );
  }
  const frontend = path.join(REPO, 'services/frontend');
  const index = path.join(frontend, 'dist/web/index.html');
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < newestMtime(path.join(frontend, 'src'))) {
    execFileSync('npm', ['run', 'build:web', '-w', 'services/frontend'], { cwd: REPO, stdio: 'ignore' });
  }
}
