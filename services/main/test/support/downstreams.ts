import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { testDatabase } from '@eks-sre-lab/harness';
import { startNodeProcess } from './node-service';

const SERVICES = path.resolve(__dirname, '../../..');
export const CATALOG_ENTRY = path.join(SERVICES, 'catalog/dist/src/server.js');
export const ORDER_ENTRY = path.join(SERVICES, 'order/dist/src/server.js');

const ROOT = path.resolve(SERVICES, '..');

/**
 * Compiles catalog and order when their entries are missing (a fresh clone running only this project),
 * under a file lock since test files run in parallel workers. Stand-in for the harness's ensureBuilt().
 */
function ensureEntries(): void {
  if (existsSync(CATALOG_ENTRY) && existsSync(ORDER_ENTRY)) return;
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  spawnSync('flock', ['/tmp/eks-sre-lab-main-build.lock', tsc, '-b', 'services/catalog', 'services/order'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  for (const entry of [CATALOG_ENTRY, ORDER_ENTRY]) {
    if (!existsSync(entry))
      throw new Error(`${entry} is missing: run npx tsc -b services/catalog services/order`);
  }
}

/** A real catalog or order process on loopback with its own fresh database and the run's Redis. */
export async function startDownstream(name: 'catalog' | 'order', env: Record<string, string> = {}) {
  ensureEntries();
  const entry = name === 'catalog' ? CATALOG_ENTRY : ORDER_ENTRY;
  return startNodeProcess({
    name,
    entry,
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
