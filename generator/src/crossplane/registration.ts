import { AccessEntry } from '../../imports/aws-eks-accessentries-eks.aws.m.upbound.io';
import { AccessPolicyAssociation } from '../../imports/aws-eks-accesspolicyassociations-eks.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { observe } from './observe';
import {
  AWS_PROVIDER_CONFIG,
  KUBERNETES_PROVIDER_CONFIG,
  XR_API_VERSION,
  combine,
  composed,
  fromXr,
  str,
  toXr,
  type ComposedResource,
  type Patch,
  type XrdSpec,
} from './xr';

/** Add-ons the lab ApplicationSets install (gitops-bridge `enable_<addon>` labels). */
export const LAB_ADDONS = [
  'argo_rollouts',
  'external_secrets',
  'aws_load_balancer_controller',
  'metrics_server',
  'kube_prometheus_stack',
];
export const labNamespace = (labId: string): string => `lab-${labId}`;
export const argocdRoleArn = (config: ResolvedConfig): string =>
  `arn:aws:iam::${config.aws.accountId}:role/${config.name}-argocd`;

export const registrationXrd: XrdSpec = {
  kind: 'LabRegistration',
  plural: 'labregistrations',
  scope: 'Cluster',
  description:
    "Registers a lab's EKS cluster with Argo CD: access entry for Argo CD's role and the cluster Secret.",
  spec: {
    properties: {
      labId: str('Lab id = EKS cluster name; its claims live in namespace lab-<id>.', {
        pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
      }),
      labNamespace: str('Namespace of the lab claims.'),
      region: str('AWS region.'),
      accountId: str('AWS account id.', { pattern: '^\\d{12}$' }),
      learner: str('Learner the lab belongs to.'),
      argocdRoleArn: str(
        "IAM role Argo CD's application controller assumes to reach the lab (awsAuthConfig).",
      ),
    },
    required: ['labId', 'labNamespace', 'region', 'accountId', 'learner', 'argocdRoleArn'],
  },
  status: { endpoint: { type: 'string' }, caData: { type: 'string' }, vpcId: { type: 'string' } },
};

const inLabNamespace: Patch = fromXr('spec.labNamespace', 'metadata.namespace');
/** The registration is cluster-scoped: what it observes lives in the lab's namespace. */
const clusterScoped = { namespaceFrom: 'spec.labNamespace', nameFrom: 'spec.labId', placeInNamespace: true };

export function registrationResources(): ComposedResource[] {
  const eks = 'status.atProvider.manifest.status.atProvider';
  const labels: Record<string, string> = {
    'argocd.argoproj.io/secret-type': 'cluster',
    cluster_role: 'lab',
    environment: 'lab',
    ...Object.fromEntries(LAB_ADDONS.map((a) => [`enable_${a}`, 'true'])),
  };
  const region = 'set-by-patch';
  return [
    observe('eks-cluster', { apiVersion: 'eks.aws.m.upbound.io/v1beta1', kind: 'Cluster' }, clusterScoped, [
      toXr(`${eks}.endpoint`, 'status.endpoint'),
      toXr(`${eks}.certificateAuthority[0].data`, 'status.caData'),
    ]),
    observe('network', { apiVersion: XR_API_VERSION, kind: 'Network', name: 'network' }, clusterScoped, [
      toXr('status.atProvider.manifest.status.vpcId', 'status.vpcId'),
    ]),
    composed(
      'argocd-access-entry',
      AccessEntry.manifest({
        metadata: { namespace: 'set-by-patch' },
        spec: {
          providerConfigRef: AWS_PROVIDER_CONFIG,
          forProvider: {
            region,
            clusterName: 'set-by-patch',
            principalArn: 'set-by-patch',
            type: 'STANDARD',
          },
        },
      }),
      [
        inLabNamespace,
        fromXr('spec.region', 'spec.forProvider.region'),
        fromXr('spec.labId', 'spec.forProvider.clusterName'),
        fromXr('spec.argocdRoleArn', 'spec.forProvider.principalArn'),
      ],
    ),
    composed(
      'argocd-cluster-admin',
      AccessPolicyAssociation.manifest({
        metadata: { namespace: 'set-by-patch' },
        spec: {
          providerConfigRef: AWS_PROVIDER_CONFIG,
          forProvider: {
            region,
            clusterName: 'set-by-patch',
            principalArn: 'set-by-patch',
            policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
            accessScope: { type: 'cluster' },
          },
        },
      }),
      [
        inLabNamespace,
        fromXr('spec.region', 'spec.forProvider.region'),
        fromXr('spec.labId', 'spec.forProvider.clusterName'),
        fromXr('spec.argocdRoleArn', 'spec.forProvider.principalArn'),
      ],
    ),
    composed(
      'argocd-cluster-secret',
      {
        apiVersion: 'kubernetes.m.crossplane.io/v1alpha1',
        kind: 'Object',
        spec: {
          providerConfigRef: KUBERNETES_PROVIDER_CONFIG,
          forProvider: {
            manifest: {
              apiVersion: 'v1',
              kind: 'Secret',
              type: 'Opaque',
              metadata: { name: 'set-by-patch', namespace: 'argocd', labels, annotations: {} },
              stringData: { name: 'set-by-patch', server: 'set-by-patch', config: 'set-by-patch' },
            },
          },
        },
      },
      [
        inLabNamespace,
        fromXr('spec.labId', 'spec.forProvider.manifest.metadata.name'),
        fromXr('spec.labId', 'spec.forProvider.manifest.stringData.name'),
        ...['labId', 'region', 'accountId', 'learner'].flatMap((f) => {
          const key = {
            labId: 'lab_id',
            region: 'aws_region',
            accountId: 'aws_account_id',
            learner: 'learner',
          }[f]!;
          return [
            fromXr(`spec.${f}`, `spec.forProvider.manifest.metadata.annotations[${key}]`),
            ...(f === 'learner'
              ? []
              : [fromXr(`spec.${f}`, `spec.forProvider.manifest.metadata.labels[${key}]`)]),
          ];
        }),
        fromXr('spec.labId', 'spec.forProvider.manifest.metadata.annotations[aws_cluster_name]'),
        fromXr('status.vpcId', 'spec.forProvider.manifest.metadata.annotations[aws_vpc_id]'),
        fromXr('status.endpoint', 'spec.forProvider.manifest.stringData.server'),
        // Argo CD reaches the lab with AWS IAM (argocd-k8s-auth aws), never a static token.
        {
          ...combine(
            '{"awsAuthConfig":{"clusterName":"%s","roleARN":"%s"},"tlsClientConfig":{"insecure":false,"caData":"%s"}}',
            'spec.labId',
            'spec.argocdRoleArn',
            'status.caData',
          )('spec.forProvider.manifest.stringData.config'),
          policy: { fromFieldPath: 'Required' },
        },
      ],
    ),
  ];
}
