import { listGenerated } from '../../src/core/tree';
import { buildAll, kustomizationDirs, type Build } from './kustomize';
import { REPO_ROOT } from './paths';

export interface BuiltTree {
  dirs: string[];
  builds: Build[];
  errors: string[];
}

let memo: Promise<BuiltTree> | undefined;

/** Builds every kustomization of the committed tree once per test file. */
export function builtTree(): Promise<BuiltTree> {
  memo ??= (async () => {
    const dirs = kustomizationDirs(REPO_ROOT, listGenerated(REPO_ROOT));
    return { dirs, ...(await buildAll(REPO_ROOT, dirs)) };
  })();
  return memo;
}
