import { join } from 'node:path';
import { startStack } from '@eks-sre-lab/stack';
import { insertBenchProducts } from '../run/bench-product';
import type { ProfileTarget } from './profile-target';

type ServiceName = 'catalog' | 'order' | 'main';

/**
 * A stack (same `startStack` as `npm start`) whose `service` runs with the profiler preloaded, under load
 * on one of its routes. The profile is written when the stack stops it with SIGTERM (the kit exits 0).
 */
function stackTarget(
  id: string,
  title: string,
  service: ServiceName,
  path: (productId: number) => string,
  extra: (productId: number) => Partial<ProfileTarget['spec']> = () => ({}),
): ProfileTarget {
  return {
    id,
    title,
    spec: { url: 'http://127.0.0.1/' }, // filled in by start()
    async start(profileDir) {
      const env: Record<string, string> = profileDir
        ? {
            NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profile-preload.js')}`,
            BENCH_CPU_PROF_DIR: profileDir,
          }
        : {};
      const stack = await startStack({ port: 0, seed: false, web: false, env: { [service]: env } });
      try {
        const products = await insertBenchProducts(stack.urls.databases.catalog, 1);
        const base = service === 'catalog' ? stack.urls.catalog : stack.urls.main;
        this.spec = { ...extra(products.id), url: `${base}${path(products.id)}` };
        const pid = stack.handles[service].pid;
        if (!pid) throw new Error(`${service} has no process`);
        return { pid, stop: () => stack.stop() };
      } catch (error) {
        await stack.stop();
        throw error;
      }
    },
  };
}

/** Our services under the bench's main cases. */
export function stackTargets(): ProfileTarget[] {
  return [
    stackTarget(
      'catalog-hit',
      'catalog GET /catalog/products/:id (cache hit)',
      'catalog',
      (id) => `/catalog/products/${id}`,
    ),
    stackTarget(
      'gateway-product',
      'gateway (main) GET /api/products/:id',
      'main',
      (id) => `/api/products/${id}`,
    ),
    stackTarget(
      'gateway-order',
      'gateway (main) POST /api/orders',
      'main',
      () => '/api/orders',
      (productId) => ({
        method: 'POST',
        uniqueIdempotencyKey: true,
        body: JSON.stringify({
          userId: 'profile-user',
          items: [{ productId, quantity: 1 }],
          shippingAddress: 'x',
        }),
      }),
    ),
  ];
}
