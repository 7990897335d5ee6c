import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { K8sObject } from './kustomize';

const run = promisify(execFile);

export interface PromtoolResult {
  ok: boolean;
  output: string;
}

async function promtool(args: string[], cwd: string): Promise<PromtoolResult> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? String(error)}` };
  }
}

/** Writes a PrometheusRule's spec as a plain Prometheus rule file; returns its path. */
export function writeRuleFile(dir: string, rule: K8sObject): string {
  const path = join(dir, `${rule.metadata.namespace ?? 'default'}-${rule.metadata.name}.rules.yaml`);
  writeFileSync(path, stringify(rule['spec']));
  return path;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const checkRules = (dir: string, files: string[]): Promise<PromtoolResult> =>
  promtool(['check', 'rules', ...files], dir);

export function testRules(dir: string, testFile: string): Promise<PromtoolResult> {
  return promtool(['test', 'rules', testFile], dir);
}
