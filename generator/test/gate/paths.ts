import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (generator/test/gate → ../../..). */
export const REPO_ROOT = resolve(__dirname, '../../..');

/** Where `npm run schemas:fetch` caches the pinned upstream schema files (git-ignored). */
export const SCHEMA_CACHE = join(REPO_ROOT, '.cache', 'crds');

/**
 * The CRD + Kubernetes OpenAPI folder the gate validates against: $CRD_DIR, else the fetched cache, else
 * ../shared/crds beside the checkout (as in CI). None of them is committed.
 */
export function schemaDir(
  env: NodeJS.ProcessEnv = process.env,
  defaults: string[] = [SCHEMA_CACHE, resolve(REPO_ROOT, '..', 'shared', 'crds')],
): string {
  const candidates = [env['CRD_DIR'], ...defaults].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  const found = candidates.find((dir) => existsSync(join(dir, 'kubernetes')));
  if (!found) {
    throw new Error(
      `no CRD/Kubernetes schema files found (looked in: ${candidates.join(', ')}). ` +
        'Run `npm run schemas:fetch` (needs internet) or set CRD_DIR to a folder laid out like shared/crds.',
    );
  }
  return found;
}
