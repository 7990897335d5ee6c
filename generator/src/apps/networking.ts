import type { Construct } from 'constructs';
import {
  IntOrString,
  KubeIngress,
  KubeNetworkPolicy,
  KubeService,
  type NetworkPolicyIngressRule,
  type NetworkPolicyEgressRule,
  type NetworkPolicyPeer,
} from '../../imports/k8s';
import type { ResolvedConfig } from '../config/load';
import { commonLabels, labels, SERVICE_PORT, selectorLabels, serviceDef, serviceDefs, type ServiceDef } from './catalog';

export type Endpoint = 'primary' | 'stable' | 'canary' | 'active' | 'preview';

export function serviceName(def: ServiceDef, endpoint: Endpoint): string {
  return endpoint === 'primary' ? def.name : `${def.name}-${endpoint}`;
}

/** Which Services a workload has: canaries get stable + canary, blue/green gets active + preview. */
export function endpointsOf(def: ServiceDef): Endpoint[] {
  return def.delivery === 'blue-green' ? ['active', 'preview'] : ['primary', 'stable', 'canary'];
}

/** In-cluster URL of one of a workload's Services. */
export function serviceUrl(def: ServiceDef, endpoint: Endpoint): string {
  return `http://${serviceName(def, endpoint)}.${def.namespace}.svc.cluster.local`;
}

export function services(scope: Construct, def: ServiceDef): void {
  for (const endpoint of endpointsOf(def)) {
    // ALB instance targets (frontend, see rollouts/README) need a NodePort on the active Service.
    const nodePort = def.delivery === 'blue-green' && endpoint === 'active';
    new KubeService(scope, `svc-${endpoint}`, {
      metadata: {
        name: serviceName(def, endpoint),
        namespace: def.namespace,
        labels: { ...commonLabels(def), [labels.endpoint]: endpoint },
      },
      spec: {
        type: nodePort ? 'NodePort' : 'ClusterIP',
        selector: selectorLabels(def),
        ports: [{ name: 'http', port: SERVICE_PORT, targetPort: IntOrString.fromString('http'), protocol: 'TCP' }],
      },
    });
  }
}

const ALB_GROUP_ORDER: Record<string, number> = { '/api': 10, '/': 20 };

/** HTTP only, or HTTPS with the configured ACM certificate and a redirect from 80. */
function listenerAnnotations(config: ResolvedConfig): Record<string, string> {
  if (!config.tlsCertificateArn) return { 'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}]' };
  return {
    'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}, {"HTTPS": 443}]',
    'alb.ingress.kubernetes.io/certificate-arn': config.tlsCertificateArn,
    'alb.ingress.kubernetes.io/ssl-redirect': '443',
  };
}

/**
 * One ALB for the lab: each namespace's Ingress joins the same IngressGroup. `/api` goes to main through
 * Argo Rollouts' ALB traffic routing (backend port `use-annotation`); `/` goes to the frontend's active
 * Service with instance targets.
 */
export function ingress(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  if (!def.ingressPath) return;
  const canary = def.delivery === 'canary-alb';
  const backendService = canary ? serviceName(def, 'stable') : serviceName(def, 'active');
  new KubeIngress(scope, 'ingress', {
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: commonLabels(def),
      annotations: {
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/group.name': config.name,
        'alb.ingress.kubernetes.io/group.order': String(ALB_GROUP_ORDER[def.ingressPath] ?? 50),
        ...listenerAnnotations(config),
        'alb.ingress.kubernetes.io/target-type': canary ? 'ip' : 'instance',
        'alb.ingress.kubernetes.io/healthcheck-path': def.kit ? '/readyz' : '/healthz',
      },
    },
    spec: {
      ingressClassName: 'alb',
      rules: [
        {
          host: config.domain,
          http: {
            paths: [
              {
                path: def.ingressPath,
                pathType: 'Prefix',
                backend: {
                  service: {
                    name: backendService,
                    port: canary ? { name: 'use-annotation' } : { number: SERVICE_PORT },
                  },
                },
              },
            ],
          },
        },
      ],
    },
  });
}

const tcp = (port: number) => ({ protocol: 'TCP', port: IntOrString.fromNumber(port) });

function podsOf(def: ServiceDef): NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': def.namespace } },
    podSelector: { matchLabels: selectorLabels(def) },
  };
}

function prometheusPeer(config: ResolvedConfig): NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': config.observability.monitoringNamespace } },
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
  };
}

export const SMOKE_LABEL = { 'eks-sre-lab.io/analysis': 'smoke' } as const;

function ingressRules(config: ResolvedConfig, def: ServiceDef): NetworkPolicyIngressRule[] {
  const port = [tcp(def.containerPort)];
  const rules: NetworkPolicyIngressRule[] = [];
  const callers = serviceDefs.filter((other) => other.calls.includes(def.name));
  if (callers.length > 0) rules.push({ from: callers.map(podsOf), ports: port });
  // The ALB (in the VPC's public subnets) reaches the pods directly (ip) or through node ports (instance).
  if (def.ingressPath) rules.push({ from: [{ ipBlock: { cidr: config.cluster.vpcCidr } }], ports: port });
  if (def.kit) rules.push({ from: [prometheusPeer(config)], ports: port });
  if (def.delivery === 'blue-green') rules.push({ from: [{ podSelector: { matchLabels: SMOKE_LABEL } }], ports: port });
  return rules;
}

function egressRules(config: ResolvedConfig, def: ServiceDef): NetworkPolicyEgressRule[] {
  const vpc = [{ ipBlock: { cidr: config.cluster.vpcCidr } }];
  const rules: NetworkPolicyEgressRule[] = def.calls.map((callee) => ({
    to: [podsOf(serviceDef(callee))],
    ports: [tcp(serviceDef(callee).containerPort)],
  }));
  if (def.postgresDatabase) rules.push({ to: vpc, ports: [tcp(5432)] }); // RDS in the private subnets
  if (def.redis) rules.push({ to: vpc, ports: [tcp(6379)] }); // ElastiCache
  // S3 and STS (IRSA token exchange) are AWS public endpoints: HTTPS outside the VPC.
  if (def.s3) rules.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [config.cluster.vpcCidr] } }], ports: [tcp(443)] });
  if (def.kit) {
    const otlp = new URL(config.observability.otlpEndpoint);
    rules.push({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': config.observability.monitoringNamespace } } }],
      ports: [tcp(Number(otlp.port || 4318))],
    });
  }
  return rules;
}

/** Per workload: exactly the flows of the seed's diagram (the namespace already denies all and allows DNS). */
export function networkPolicies(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  const podSelector = { matchLabels: selectorLabels(def) };
  new KubeNetworkPolicy(scope, 'netpol', {
    metadata: { name: def.name, namespace: def.namespace, labels: commonLabels(def) },
    spec: {
      podSelector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingressRules(config, def),
      egress: egressRules(config, def),
    },
  });
  if (def.delivery === 'blue-green') {
    // The pre-promotion smoke Job may only reach this workload's pods.
    new KubeNetworkPolicy(scope, 'netpol-smoke', {
      metadata: { name: `${def.name}-smoke-analysis`, namespace: def.namespace, labels: commonLabels(def) },
      spec: {
        podSelector: { matchLabels: SMOKE_LABEL },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [{ to: [{ podSelector }], ports: [tcp(def.containerPort)] }],
      },
    });
  }
}
