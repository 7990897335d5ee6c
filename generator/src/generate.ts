import { resolveConfig } from './config/load';
import type { LabConfigInput } from './config/schema';
import type { OutputFile } from './core/files';
import { renderAll } from './core/registry';
import { outputs } from './outputs';

/** Renders the whole generated tree from a (not yet validated) lab config. */
export function generateTree(input: LabConfigInput): OutputFile[] {
  return renderAll(outputs, resolveConfig(input));
}
