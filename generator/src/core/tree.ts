import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_ROOTS, type OutputFile } from './files';

/** Every file currently under the generated roots of `root`, repo-relative. */
export function listGenerated(root: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  for (const top of GENERATED_ROOTS) if (existsSync(join(root, top))) walk(top);
  return found.sort();
}

export interface TreeDiff {
  changed: string[];
  missing: string[];
  stale: string[];
}

/** What differs between the emitted files and the tree at `root` (nothing is written). */
export function diffTree(root: string, files: OutputFile[]): TreeDiff {
  const emitted = new Set(files.map((f) => f.path));
  const diff: TreeDiff = { changed: [], missing: [], stale: [] };
  for (const file of files) {
    const abs = join(root, file.path);
    if (!existsSync(abs)) diff.missing.push(file.path);
    else if (readFileSync(abs, 'utf8') !== file.content) diff.changed.push(file.path);
  }
  diff.stale = listGenerated(root).filter((p) => !emitted.has(p));
  return diff;
}

export function describeDiff(diff: TreeDiff): string[] {
  return [
    ...diff.changed.map((p) => `changed: ${p}`),
    ...diff.missing.map((p) => `missing: ${p}`),
    ...diff.stale.map((p) => `stale:   ${p}`),
  ];
}

/** Writes changed files, deletes stale ones and the folders they leave empty. */
export function writeTree(root: string, files: OutputFile[]): TreeDiff {
  const diff = diffTree(root, files);
  const toWrite = new Set([...diff.changed, ...diff.missing]);
  for (const file of files) {
    if (!toWrite.has(file.path)) continue;
    const abs = join(root, file.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, file.content);
  }
  for (const path of diff.stale) {
    rmSync(join(root, path));
    pruneEmptyDirs(root, dirname(path));
  }
  return diff;
}

function pruneEmptyDirs(root: string, rel: string): void {
  let current = rel;
  while (current !== '.' && current !== '') {
    const abs = join(root, current);
    if (!existsSync(abs) || !statSync(abs).isDirectory() || readdirSync(abs).length > 0) return;
    rmdirSync(abs);
    current = dirname(current);
  }
}
