import { freePort, startNodeService } from '@eks-sre-lab/harness';
import { startStack, type NodeServiceHandle, type Stack } from '@eks-sre-lab/stack';
import { RotationProxy } from './rotation-proxy';

export type ServiceName = 'catalog' | 'order' | 'main';

export interface ChaosTopology {
  stack: Stack;
  /** The address clients use: main's rotation proxy. */
  apiUrl: string;
  proxies: Record<ServiceName, RotationProxy>;
  /** Starts a second replica of a service on the port its proxy already lists. */
  startSecondReplica(name: ServiceName): Promise<NodeServiceHandle>;
  stop(): Promise<void>;
}

/**
 * The stack (`startStack`, as `npm start`) with each service behind a readiness-probed rotation proxy
 * that also lists a second, normally absent replica: the local equivalent of a Kubernetes Service with
 * two pods. main reaches catalog and order, and order reaches catalog, through those proxies.
 */
export async function startChaosTopology(breakerResetMs: number): Promise<ChaosTopology> {
  const ports = {
    catalog: [await freePort(), await freePort()],
    order: [await freePort(), await freePort()],
    main: [await freePort(), await freePort()],
  };
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const proxies = {
    catalog: new RotationProxy('catalog', ports.catalog.map(local)),
    order: new RotationProxy('order', ports.order.map(local)),
    main: new RotationProxy('main', ports.main.map(local)),
  };
  const urls = {
    catalog: await proxies.catalog.start(),
    order: await proxies.order.start(),
    main: await proxies.main.start(),
  };
  let stack: Stack;
  try {
    stack = await startStack({
      port: 0,
      seed: false,
      web: false,
      catalogPort: ports.catalog[0],
      orderPort: ports.order[0],
      mainPort: ports.main[0],
      breakerResetMs,
      env: {
        order: { CATALOG_URL: urls.catalog },
        main: { CATALOG_URL: urls.catalog, ORDER_URL: urls.order },
      },
    });
  } catch (error) {
    await Promise.all(Object.values(proxies).map((p) => p.stop()));
    throw error;
  }
  return {
    stack,
    apiUrl: urls.main,
    proxies,
    startSecondReplica: (name) =>
      // The same entry and environment as the first replica, on the rotation's second port.
      startNodeService({ ...stack.handles[name].options, name: `${name}-b`, port: ports[name][1]! }),
    async stop() {
      await stack.stop();
      await Promise.all(Object.values(proxies).map((p) => p.stop()));
    },
  };
}
