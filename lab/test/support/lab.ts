// One lab stack for a test file, advertised in a temporary state dir so the CLI commands find it, and
// helpers to run commands in-process and capture what they print.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@eks-sre-lab/harness';
import { runCommand, startLabStack, writeLabFile, type LabStack } from '../../src';

const ROOT = repoRoot(__dirname);

/** The stack runs compiled services: build what is missing (a fresh clone before `npm run build`). */
export function ensureServicesBuilt(): void {
  const entries = ['catalog', 'order', 'main'].map((s) =>
    path.join(ROOT, 'services', s, 'dist/src/server.js'),
  );
  entries.push(path.join(ROOT, 'services/stack/dist/src/index.js'));
  if (entries.some((entry) => !fs.existsSync(entry))) {
    execFileSync(
      'npx',
      ['tsc', '-b', 'services/catalog', 'services/order', 'services/main', 'services/stack'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
}

export interface TestLab {
  lab: LabStack;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startTestLab(): Promise<TestLab> {
  ensureServicesBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-test-'));
  // The lab tests do not exercise the shop's pages: a one-file web root instead of the built frontend.
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>lab</title>');
  const lab = await startLabStack({ port: 0, breakerResetMs: 1_000, webRoot: dir });
  const env = { ...process.env, LAB_STATE_DIR: path.join(dir, 'state') };
  writeLabFile({ pid: process.pid, controlUrl: lab.control.url, startedAt: new Date().toISOString() }, env);
  return {
    lab,
    env,
    async stop() {
      await lab.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CommandResult {
  code: number;
  out: string;
  err: string;
}

export async function lab(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
