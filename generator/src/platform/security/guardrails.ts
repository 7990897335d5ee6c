import type { Construct } from 'constructs';
import {
  IntOrString,
  KubeLimitRange,
  KubeNamespace,
  KubeNetworkPolicy,
  KubeResourceQuota,
  Quantity,
  type NetworkPolicyEgressRule,
  type NetworkPolicyIngressRule,
} from '../../../imports/k8s';
import { serviceDefs } from '../../apps/catalog';
import { appNamespaces, namespaceLevels } from '../../apps/namespaces';
import type { ResolvedConfig } from '../../config/load';
import { cpu, mebibytes, memory, millicores } from './quantities';

// Guardrails around the namespaces: Pod Security labels on the operators' own namespaces (the seed's
// five are labelled in apps/namespaces), default-deny NetworkPolicies with the tools' flows for every tool
// namespace (the app namespaces have theirs in apps/), and a ResourceQuota + LimitRange per app namespace.

type Level = 'restricted' | 'baseline' | 'privileged';

/** Namespaces the platform's charts create beyond the seed's (Fluent Bit mounts host paths: privileged). */
export const operatorNamespaces: Record<string, Level> = {
  'external-secrets': 'baseline',
  'argo-rollouts': 'baseline',
  logging: 'privileged',
  loadtest: 'restricted',
};

/** Every namespace the platform tools run in (kube-system excepted: EKS owns it). */
export const toolNamespaces = (): string[] => [
  ...Object.keys(namespaceLevels).filter((ns) => !(appNamespaces as readonly string[]).includes(ns)),
  ...Object.keys(operatorNamespaces),
];

export function podSecurityLabels(level: Level): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': 'v1.34',
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
  };
}

export function operatorNamespaceObjects(scope: Construct): void {
  for (const [name, level] of Object.entries(operatorNamespaces)) {
    new KubeNamespace(scope, `ns-${name}`, { metadata: { name, labels: podSecurityLabels(level) } });
  }
}

const port = (p: number, protocol = 'TCP') => ({ protocol, port: IntOrString.fromNumber(p) });
const nsSelector = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
/** Admission webhooks are called by the EKS control plane through its ENIs in the VPC. */
const WEBHOOK_PORTS = [443, 8443, 9443, 10250];
const MONITORING_PORTS = { prometheus: 9090, alertmanager: 9093, otlpGrpc: 4317, otlpHttp: 4318 };

function toolFlows(config: ResolvedConfig, ns: string): { ingress: NetworkPolicyIngressRule[]; egress: NetworkPolicyEgressRule[] } {
  const vpc = { ipBlock: { cidr: config.cluster.vpcCidr } };
  const monitoring = config.observability.monitoringNamespace;
  const ingress: NetworkPolicyIngressRule[] = [
    { from: [{ podSelector: {} }] },
    { from: [nsSelector(monitoring)] }, // Prometheus scrapes every tool
    { from: [vpc], ports: WEBHOOK_PORTS.map((p) => port(p)) },
  ];
  const egress: NetworkPolicyEgressRule[] = [
    { to: [{ podSelector: {} }] },
    {
      to: [{ ...nsSelector('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [port(53, 'UDP'), port(53)],
    },
    // the API server, AWS APIs, Slack: no stable addresses, so HTTPS anywhere
    { ports: [port(443)] },
    { to: [nsSelector(monitoring)], ports: Object.values(MONITORING_PORTS).map((p) => port(p)) },
  ];
  if (ns === monitoring) {
    ingress.push({ from: [{ namespaceSelector: {} }], ports: Object.values(MONITORING_PORTS).map((p) => port(p)) });
    egress.push({ to: [vpc] }); // scrape targets in every namespace and on the nodes; RDS for the exporter
  }
  if (ns === 'loadtest') egress.push({ ports: [port(80)] }); // the public endpoint over plain HTTP too
  return { ingress, egress };
}

export function toolNetworkPolicies(scope: Construct, config: ResolvedConfig): void {
  for (const ns of toolNamespaces()) {
    new KubeNetworkPolicy(scope, `deny-${ns}`, {
      metadata: { name: 'default-deny', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    new KubeNetworkPolicy(scope, `flows-${ns}`, {
      metadata: { name: 'allow-tool-flows', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ...toolFlows(config, ns) },
    });
  }
}

/**
 * Quota per app namespace from the config: every service at maxReplicas, twice over (a canary or a
 * blue/green preview can double the pods), plus room for analysis and smoke Jobs.
 */
export function appQuotas(scope: Construct, config: ResolvedConfig): void {
  const jobRoom = { cpu: 1000, memory: 1024, pods: 10 };
  for (const ns of appNamespaces) {
    const sizes = serviceDefs.filter((d) => d.namespace === ns).map((d) => config.selected.workloads[d.name]);
    const sum = (f: (s: (typeof sizes)[number]) => number) => sizes.reduce((n, s) => n + 2 * s.maxReplicas * f(s), 0);
    const hard = {
      pods: String(sum(() => 1) + jobRoom.pods),
      'requests.cpu': cpu(sum((s) => millicores(s.resources.requests.cpu)) + jobRoom.cpu),
      'requests.memory': memory(sum((s) => mebibytes(s.resources.requests.memory)) + jobRoom.memory),
      'limits.cpu': cpu(sum((s) => millicores(s.resources.limits.cpu)) + jobRoom.cpu),
      'limits.memory': memory(sum((s) => mebibytes(s.resources.limits.memory)) + jobRoom.memory),
    };
    new KubeResourceQuota(scope, `quota-${ns}`, {
      metadata: { name: 'app-quota', namespace: ns },
      spec: { hard: Object.fromEntries(Object.entries(hard).map(([k, v]) => [k, Quantity.fromString(v)])) },
    });
    const maxCpu = Math.max(1000, ...sizes.map((s) => millicores(s.resources.limits.cpu)));
    const maxMemory = Math.max(1024, ...sizes.map((s) => mebibytes(s.resources.limits.memory)));
    new KubeLimitRange(scope, `limits-${ns}`, {
      metadata: { name: 'container-defaults', namespace: ns },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: Quantity.fromString('100m'), memory: Quantity.fromString('128Mi') },
            default: { cpu: Quantity.fromString('500m'), memory: Quantity.fromString('256Mi') },
            max: { cpu: Quantity.fromString(cpu(maxCpu)), memory: Quantity.fromString(memory(maxMemory)) },
          },
        ],
      },
    });
  }
}
