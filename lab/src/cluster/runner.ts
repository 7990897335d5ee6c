// Runs a cluster scenario's kubectl commands; refuses early when kubectl, a context or a manifest is missing.
import fs from 'node:fs';
import path from 'node:path';
import { clusterProblem, kubectl, showCommand } from './kubectl';
import type { ClusterScenario } from './scenarios';

export interface Printer {
  out(line: string): void;
  err(line: string): void;
}

export function missingManifests(root: string, scenario: ClusterScenario): string[] {
  return scenario.manifests.filter((file) => !fs.existsSync(path.join(root, file)));
}

async function preflight(
  root: string,
  scenario: ClusterScenario,
  io: Printer,
  binary: string,
): Promise<boolean> {
  const missing = missingManifests(root, scenario);
  if (missing.length > 0) {
    io.err(`missing manifests (run \`npm run generate\`): ${missing.join(', ')}`);
    return false;
  }
  const problem = await clusterProblem(root, binary);
  if (problem) io.err(`${scenario.id} needs the lab cluster: ${problem}`);
  return problem === undefined;
}

/** Runs commands in order; stops at the first failure. Returns whether all succeeded. */
async function runAll(root: string, commands: string[][], io: Printer, binary: string): Promise<boolean> {
  for (const args of commands) {
    io.out(`$ ${showCommand(args)}`);
    const result = await kubectl(args, root, binary);
    if (result.stdout.trim()) io.out(result.stdout.trimEnd());
    if (result.code !== 0) {
      io.err(result.stderr.trimEnd() || `kubectl exited ${result.code}`);
      return false;
    }
  }
  return true;
}

export async function runCluster(
  verb: 'start' | 'verify' | 'reset',
  scenario: ClusterScenario,
  root: string,
  io: Printer,
  binary = 'kubectl',
): Promise<number> {
  if (!(await preflight(root, scenario, io, binary))) return 2;
  if (verb !== 'verify') return (await runAll(root, scenario[verb], io, binary)) ? 0 : 1;
  const problems: string[] = [];
  for (const check of scenario.verify) {
    io.out(`$ ${showCommand(check.args)}`);
    const result = await kubectl(check.args, root, binary);
    if (result.code !== 0) problems.push(`${showCommand(check.args)} failed: ${result.stderr.trim()}`);
    else problems.push(...check.evaluate(result.stdout));
  }
  for (const problem of problems) io.err(`✗ ${problem}`);
  if (problems.length === 0) io.out(`✓ ${scenario.id}: ${scenario.verifies}`);
  return problems.length === 0 ? 0 : 1;
}
