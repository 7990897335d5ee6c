// Where `lab up` tells the other terminals how to reach it: lab/.state/lab.json (gitignored), or
// $LAB_STATE_DIR/lab.json.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '@eks-sre-lab/harness';

const labFileSchema = z.object({ pid: z.number().int(), controlUrl: z.url(), startedAt: z.string() });
export type LabFile = z.infer<typeof labFileSchema>;

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAB_STATE_DIR ?? path.join(repoRoot(__dirname), 'lab', '.state');
}

const file = (env: NodeJS.ProcessEnv) => path.join(stateDir(env), 'lab.json');

export function writeLabFile(content: LabFile, env: NodeJS.ProcessEnv = process.env): void {
  fs.mkdirSync(stateDir(env), { recursive: true });
  fs.writeFileSync(file(env), `${JSON.stringify(content, null, 2)}\n`);
}

export function removeLabFile(env: NodeJS.ProcessEnv = process.env): void {
  fs.rmSync(file(env), { force: true });
}

/** The running lab stack, or undefined when none is up (or its process is gone). */
export function readLabFile(env: NodeJS.ProcessEnv = process.env): LabFile | undefined {
  if (!fs.existsSync(file(env))) return undefined;
  const parsed = labFileSchema.safeParse(JSON.parse(fs.readFileSync(file(env), 'utf8')));
  if (!parsed.success) return undefined;
  try {
    process.kill(parsed.data.pid, 0);
    return parsed.data;
  } catch {
    return undefined;
  }
}
