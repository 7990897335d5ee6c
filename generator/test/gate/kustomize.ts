import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

export interface Build {
  dir: string;
  objects: K8sObject[];
}

/** Every buildable kustomization (kind Kustomization, not Component) among the given files. */
export function kustomizationDirs(root: string, files: string[]): string[] {
  return files
    .filter((f) => f.endsWith('/kustomization.yaml'))
    .filter((f) => !/^kind:\s*Component\s*$/m.test(readFileSync(join(root, f), 'utf8')))
    .map((f) => f.slice(0, -'/kustomization.yaml'.length))
    .sort();
}

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null && typeof o === 'object');
}

/** `kubectl kustomize <dir>`; rejects with kustomize's own error text. */
export async function kustomizeBuild(root: string, dir: string): Promise<Build> {
  if (!existsSync(join(root, dir))) throw new Error(`${dir}: folder does not exist`);
  try {
    const { stdout } = await run('kubectl', ['kustomize', join(root, dir)], { maxBuffer: 64 * 1024 * 1024 });
    return { dir, objects: parseObjects(stdout) };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`kubectl kustomize ${dir} failed: ${stderr.trim()}`, { cause: error });
  }
}

/** Builds every dir with at most `limit` kustomize processes at once (2 cores). */
export async function buildAll(
  root: string,
  dirs: string[],
  limit = 3,
): Promise<{ builds: Build[]; errors: string[] }> {
  const builds: Build[] = [];
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < dirs.length) {
      const dir = dirs[next++]!;
      try {
        builds.push(await kustomizeBuild(root, dir));
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, dirs.length) }, worker));
  builds.sort((a, b) => a.dir.localeCompare(b.dir));
  return { builds, errors: errors.sort() };
}
