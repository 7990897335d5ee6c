// The CLI as a learner meets it: the compiled entry point's exit codes and messages, and the commands
// that need no stack (list, hint).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@eks-sre-lab/harness';
import { allScenarios, SEED_SCENARIOS } from '../src';
import { lab } from './support/lab';

const ROOT = repoRoot(__dirname);
const CLI = path.join(ROOT, 'lab/dist/src/cli.js');
const env = { ...process.env, LAB_STATE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cli-')) };

beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync('npx', ['tsc', '-b', 'lab'], { cwd: ROOT, stdio: 'inherit' });
}, 120_000);

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

it('lists every scenario with its target and seed scenario, covering all four seed scenarios', async () => {
  const { code, stdout } = await cli('list');
  expect(code).toBe(0);
  for (const scenario of allScenarios()) {
    expect(stdout).toMatch(new RegExp(`^${scenario.id} +${scenario.target} +seed ${scenario.seed} `, 'm'));
  }
  const seeds = new Set(allScenarios().map((s) => s.seed));
  expect([...seeds].sort()).toEqual(Object.keys(SEED_SCENARIOS).map(Number));
});

it('verify of a local scenario without a running lab exits 2 and says how to start one', async () => {
  const { code, stderr } = await cli('verify', 'bad-release');
  expect(code).toBe(2);
  expect(stderr).toContain('no lab stack is running: start one in another terminal with `npm run lab -- up`');
});

it('an unknown command prints the usage and exits 2', async () => {
  const { code, stderr } = await cli('explode');
  expect(code).toBe(2);
  expect(stderr).toContain('Usage: npm run lab -- <command>');
});

it('gives hints one at a time, the last naming the fix', async () => {
  expect((await lab(['hint', 'redis-down'], env)).out).toMatch(/^hint 1\/3: Look at readiness/);
  expect((await lab(['hint', 'redis-down', '3'], env)).out).toContain('npm run lab -- ops start redis');
  const beyond = await lab(['hint', 'redis-down', '4'], env);
  expect(beyond.code).toBe(2);
  expect(beyond.err).toBe('hint number must be 1..3');
  const unknown = await lab(['hint', 'nope'], env);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('unknown scenario nope');
});

it('every scenario id is unique and has hints', () => {
  const ids = allScenarios().map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const s of allScenarios()) expect(s.hints.length).toBeGreaterThanOrEqual(3);
});

it('documents every scenario on its own page, listed in the scenarios index', () => {
  const docs = path.join(ROOT, 'docs/scenarios');
  const index = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
  for (const s of allScenarios()) {
    const page = fs.readFileSync(path.join(docs, `${s.id}.md`), 'utf8');
    expect(page).toMatch(new RegExp(`^# ${s.id} — `));
    expect(page).toContain(`Seed scenario:** ${s.seed}`);
    expect(page).toContain(s.target === 'local' ? 'Runs:** locally' : 'Runs:** on the lab EKS cluster');
    expect(index).toMatch(
      new RegExp(`^\\| \\[${s.id}\\]\\(${s.id}\\.md\\) +\\| ${s.seed} .*\\| ${s.target} +\\|`, 'm'),
    );
  }
});
