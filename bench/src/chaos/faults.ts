import { setTimeout as sleep } from 'node:timers/promises';
import { waitUntil } from '@eks-sre-lab/harness';
import type { ChaosOptions } from './options';
import type { RotationProxy } from './rotation-proxy';
import type { ChaosTopology, ServiceName } from './topology';

export interface Fault {
  name: string;
  /** 'outage': requests may fail until recovery; 'graceful': not a single request may fail. */
  kind: 'outage' | 'graceful';
  /** The breaker that must open (and stay shut) during an outage of this downstream. */
  breaker?: 'catalog' | 'order';
  /** Injects the fault and undoes it (restart, start again); resolves once the part is back. */
  run(t: ChaosTopology, o: ChaosOptions): Promise<void>;
}

const killAndRestart = (name: 'catalog' | 'order'): Fault => ({
  name: `kill -9 ${name}, restart after the down time`,
  kind: 'outage',
  breaker: name,
  async run(t, o) {
    await t.stack.handles[name].kill('SIGKILL');
    await sleep(o.downSec * 1000);
    await t.stack.handles[name].restart();
  },
});

/** The local stand-in for the pods' preStop sleep (5 s in the generated manifests). */
const PRE_STOP_MS = 500;

/** Deletes a "pod": its endpoint leaves the rotation, the preStop delay passes, then `terminate` runs. */
async function deletePod(proxy: RotationProxy, i: number, terminate: () => Promise<unknown>): Promise<void> {
  proxy.removeEndpoint(i);
  await sleep(PRE_STOP_MS);
  await terminate();
}

const inRotation = (proxy: RotationProxy, count: number, what: string) =>
  waitUntil(async () => proxy.readyCount === count, { timeoutMs: 15_000, what });

/**
 * Rolling restart with a second replica: the replica joins the rotation, the first one is deleted the
 * way Kubernetes does it (endpoint removed, preStop delay, SIGTERM: readiness answers 503, in-flight
 * requests finish, it exits), comes back on its port, and the second replica goes the same way — what a
 * Deployment's rolling update does behind its Service.
 */
const gracefulRestart = (name: ServiceName): Fault => ({
  name: `SIGTERM ${name} (rolling restart behind its readiness-probed rotation)`,
  kind: 'graceful',
  async run(t) {
    const proxy = t.proxies[name];
    const first = t.stack.handles[name];
    const second = await t.startSecondReplica(name);
    try {
      await inRotation(proxy, 2, `${name}-b in rotation`);
      await deletePod(proxy, 0, () => first.stop());
      proxy.restoreEndpoint(0);
      await first.restart();
      await inRotation(proxy, 2, `${name} back in rotation`);
      await deletePod(proxy, 1, () => second.stop());
    } finally {
      await second.stop();
      proxy.restoreEndpoint(1);
    }
    await inRotation(proxy, 1, `${name}-b out of rotation`);
  },
});

/** The fault suite, in order. */
export function faults(): Fault[] {
  return [
    killAndRestart('catalog'),
    killAndRestart('order'),
    {
      name: 'restart PostgreSQL',
      kind: 'outage',
      async run(t) {
        await t.stack.handles.postgres!.restart();
      },
    },
    {
      name: 'stop Redis for the Redis down time',
      kind: 'outage',
      async run(t, o) {
        await t.stack.handles.redis!.stop();
        await sleep(o.redisDownSec * 1000);
        await t.stack.handles.redis!.start();
      },
    },
    gracefulRestart('catalog'),
    gracefulRestart('order'),
    gracefulRestart('main'),
  ];
}
