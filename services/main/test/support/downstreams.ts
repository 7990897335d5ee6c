import path from 'node:path';
import { ensureBuilt, repoRoot, startNodeService, testDatabase } from '@eks-sre-lab/harness';

const DOWNSTREAMS = ['services/catalog', 'services/order'];

/** A real catalog or order process on loopback with its own fresh database and the run's Redis. */
export async function startDownstream(name: 'catalog' | 'order', env: Record<string, string> = {}) {
  await ensureBuilt(DOWNSTREAMS); // a fresh clone running only this project has no dist/ yet
  return startNodeService({
    name,
    entry: path.join(repoRoot(), 'services', name, 'dist/src/server.js'),
    env: {
      DATABASE_URL: await testDatabase(name),
      REDIS_URL: process.env.REDIS_URL!,
      MIGRATE_ON_START: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
}

export interface NewProduct {
  name: string;
  price: string;
  stockQuantity: number;
}

/** Creates a product through catalog's own API and answers its id. */
export async function createProduct(catalogUrl: string, product: NewProduct): Promise<number> {
  const res = await fetch(`${catalogUrl}/catalog/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ description: 'test product', ...product }),
  });
  if (res.status !== 201) throw new Error(`creating a product: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}
