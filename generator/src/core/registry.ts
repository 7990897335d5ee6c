import type { ResolvedConfig } from '../config/load';
import type { OutputFile } from './files';

/**
 * A component of the generated tree: everything under one or more folders, rendered from the config.
 * Add one to `outputs` in src/outputs.ts; the writer, `--check` and the validation gate pick it up.
 */
export interface OutputModule {
  readonly name: string;
  render(config: ResolvedConfig): OutputFile[];
}

/** Renders every module, rejecting two modules writing the same path, sorted by path (stable output). */
export function renderAll(modules: readonly OutputModule[], config: ResolvedConfig): OutputFile[] {
  const byPath = new Map<string, { module: string; file: OutputFile }>();
  for (const module of modules) {
    for (const file of module.render(config)) {
      const previous = byPath.get(file.path);
      if (previous) {
        throw new Error(`${file.path} is emitted by both "${previous.module}" and "${module.name}"`);
      }
      byPath.set(file.path, { module: module.name, file });
    }
  }
  return [...byPath.values()]
    .map((v) => v.file)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
