import { defaultPorts } from '@eks-sre-lab/kit/contract';
import type { ServiceName } from '../config/schema';

export type Delivery = 'canary-alb' | 'canary-replicas' | 'blue-green';

/** What the generator knows about each service beyond the config: topology, data stores, delivery. */
export interface ServiceDef {
  readonly name: ServiceName;
  readonly namespace: 'backend' | 'frontend';
  readonly containerPort: number;
  /** Whether it runs on the service kit (kit probes, /metrics, FAULT_* env). */
  readonly kit: boolean;
  readonly postgresDatabase?: 'catalog_db' | 'order_db';
  readonly redis: boolean;
  readonly s3: boolean;
  /** Services this one calls (NetworkPolicy egress / callers' ingress). */
  readonly calls: readonly ServiceName[];
  readonly delivery: Delivery;
  /** ALB path prefix, for services the ALB routes to. */
  readonly ingressPath?: string;
}

export const SERVICE_PORT = 80;

export const serviceDefs: readonly ServiceDef[] = [
  {
    name: 'main',
    namespace: 'backend',
    containerPort: defaultPorts.http,
    kit: true,
    redis: true,
    s3: true,
    calls: ['catalog', 'order'],
    delivery: 'canary-alb',
    ingressPath: '/api',
  },
  {
    name: 'catalog',
    namespace: 'backend',
    containerPort: defaultPorts.http,
    kit: true,
    postgresDatabase: 'catalog_db',
    redis: true,
    s3: false,
    calls: [],
    delivery: 'canary-replicas',
  },
  {
    name: 'order',
    namespace: 'backend',
    containerPort: defaultPorts.http,
    kit: true,
    postgresDatabase: 'order_db',
    redis: true,
    s3: false,
    calls: [],
    delivery: 'canary-replicas',
  },
  {
    // nginx (non-root) serving the SPA on 8080 and proxying /api to main.
    name: 'frontend',
    namespace: 'frontend',
    containerPort: 8080,
    kit: false,
    redis: false,
    s3: false,
    calls: ['main'],
    delivery: 'blue-green',
    ingressPath: '/',
  },
];

export function serviceDef(name: ServiceName): ServiceDef {
  const def = serviceDefs.find((d) => d.name === name);
  if (!def) throw new Error(`unknown service ${name}`);
  return def;
}

export const labels = {
  name: 'app.kubernetes.io/name',
  partOf: 'app.kubernetes.io/part-of',
  /** Which Service of a workload this is: primary (all pods), stable, canary, active, preview. */
  endpoint: 'eks-sre-lab.io/endpoint',
  /** Argo Rollouts puts this on every pod; ServiceMonitors copy it onto metrics to scope canary analysis. */
  podTemplateHash: 'rollouts-pod-template-hash',
} as const;

export function selectorLabels(def: ServiceDef): Record<string, string> {
  return { [labels.name]: def.name };
}

export function commonLabels(def: ServiceDef): Record<string, string> {
  return { [labels.name]: def.name, [labels.partOf]: 'eks-sre-lab' };
}

export function inClusterUrl(def: ServiceDef): string {
  return `http://${def.name}.${def.namespace}.svc.cluster.local`;
}

export function inClusterHostPort(def: ServiceDef): string {
  return `${def.name}.${def.namespace}.svc.cluster.local:${SERVICE_PORT}`;
}

/** Base directory of a service's Kustomize base and overlays. */
export function appDir(def: ServiceDef): string {
  return `apps/${def.name}`;
}
