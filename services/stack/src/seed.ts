// Sample data through the catalog's own seed function (its compiled output), so the stack and the
// catalog's tests load the same rows.
import path from 'node:path';
import { repoRoot } from '@eks-sre-lab/harness';

export async function seedCatalog(databaseUrl: string): Promise<void> {
  const modulePath = path.join(repoRoot(__dirname), 'services/catalog/dist/src/seed.js');
  const mod = (await import(modulePath)) as { seed?: (url: string) => Promise<unknown> };
  if (typeof mod.seed !== 'function') throw new Error(`${modulePath} exports no seed(databaseUrl)`);
  await mod.seed(databaseUrl);
}
