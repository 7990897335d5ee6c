import { AccessEntry } from '../../imports/aws-eks-accessentries-eks.aws.m.upbound.io';
import { AccessPolicyAssociation } from '../../imports/aws-eks-accesspolicyassociations-eks.aws.m.upbound.io';
import { Addon } from '../../imports/aws-eks-addons-eks.aws.m.upbound.io';
import { Cluster } from '../../imports/aws-eks-clusters-eks.aws.m.upbound.io';
import { NodeGroup } from '../../imports/aws-eks-nodegroups-eks.aws.m.upbound.io';
import { PodIdentityAssociation } from '../../imports/aws-eks-podidentityassociations-eks.aws.m.upbound.io';
import { OpenIdConnectProvider } from '../../imports/aws-iam-openidconnectproviders-iam.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { awsManaged, role, roleSelector, trust } from './iam';
import { subnetLabel } from './network';
import {
  AWS_PROVIDER_CONFIG,
  composed,
  fromXr,
  labFields,
  labPatches,
  str,
  toXr,
  type ComposedResource,
  type XrdSpec,
} from './xr';

export const eksXrd: XrdSpec = {
  kind: 'EksCluster',
  plural: 'eksclusters',
  description:
    'A lab EKS cluster: control plane, system and app node groups, add-ons, access entries, OIDC provider.',
  spec: {
    properties: {
      ...labFields,
      kubernetesVersion: str('EKS minor version (AWS standard support, >= 1.28).', {
        pattern: '^1\\.(2[89]|[3-9]\\d)$',
      }),
      adminPrincipalArn: str('IAM principal of the learner (cluster admin through an access entry).'),
      autoscalerTags: {
        type: 'object',
        description: 'Cluster Autoscaler discovery tags of the node groups (their keys name the cluster).',
        additionalProperties: { type: 'string' },
      },
    },
    required: ['labId', 'region', 'kubernetesVersion', 'adminPrincipalArn', 'autoscalerTags'],
  },
  status: {
    endpoint: { type: 'string' },
    oidcIssuer: { type: 'string' },
    oidcIssuerHost: { type: 'string' },
  },
};

const ref = AWS_PROVIDER_CONFIG;
const mine = { matchControllerRef: true };
export const EKS_ADDONS = [
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'aws-ebs-csi-driver',
  'aws-efs-csi-driver',
  'eks-pod-identity-agent',
];
/** Roles for the CSI drivers, bound by Pod Identity to their controllers' service accounts. */
const csiRoles = [
  {
    addon: 'aws-ebs-csi-driver',
    role: 'ebs-csi',
    policy: 'service-role/AmazonEBSCSIDriverPolicyV2',
    sa: 'ebs-csi-controller-sa',
  },
  {
    addon: 'aws-efs-csi-driver',
    role: 'efs-csi',
    policy: 'service-role/AmazonEFSCSIDriverPolicy',
    sa: 'efs-csi-controller-sa',
  },
];

function nodeGroup(config: ResolvedConfig, name: 'system' | 'app'): ComposedResource {
  const group = config.selected.infra.nodeGroups[name];
  const capacityType = name === 'app' ? config.selected.infra.nodeGroups.app.capacityType : 'ON_DEMAND';
  return composed(
    `${name}-node-group`,
    NodeGroup.manifest({
      spec: {
        providerConfigRef: ref,
        forProvider: {
          region: config.aws.region,
          clusterNameSelector: mine,
          nodeRoleArnSelector: roleSelector('node'),
          subnetIdSelector: { matchLabels: { [subnetLabel]: 'private' } },
          instanceTypes: [group.instanceType],
          capacityType,
          scalingConfig: { minSize: group.min, desiredSize: group.min, maxSize: group.max },
          updateConfig: { maxUnavailable: 1 },
          labels: { 'eks-sre-lab.io/node-group': name },
          ...(name === 'system'
            ? { taint: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NO_SCHEDULE' }] }
            : {}),
          tags: { 'k8s.io/cluster-autoscaler/enabled': 'true' },
        },
      },
    }),
    [
      ...labPatches(),
      { ...fromXr('spec.autoscalerTags', 'spec.forProvider.tags'), policy: { toFieldPath: 'MergeObjects' } },
    ],
  );
}

export function eksResources(config: ResolvedConfig): ComposedResource[] {
  const region = config.aws.region;
  const issuerHost = 'status.oidcIssuerHost';
  return [
    ...role('cluster', {
      trust: trust('eks.amazonaws.com'),
      managed: [awsManaged('AmazonEKSClusterPolicy')],
    }),
    ...role('node', {
      trust: trust('ec2.amazonaws.com'),
      managed: [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
      ].map(awsManaged),
    }),
    composed(
      'cluster',
      Cluster.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            version: config.management.kubernetesVersion,
            roleArnSelector: roleSelector('cluster'),
            accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
            enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
            upgradePolicy: { supportType: 'STANDARD' },
            vpcConfig: {
              endpointPrivateAccess: true,
              endpointPublicAccess: true,
              subnetIdSelector: { matchLabels: { [subnetLabel]: 'private' } },
            },
          },
        },
      }),
      [
        ...labPatches(),
        // The EKS cluster is named after the lab: the registration and the ApplicationSets find it by name.
        fromXr('spec.labId', 'metadata.name'),
        fromXr('spec.kubernetesVersion', 'spec.forProvider.version'),
        toXr('status.atProvider.endpoint', 'status.endpoint'),
        toXr('status.atProvider.identity[0].oidc[0].issuer', 'status.oidcIssuer'),
        {
          ...toXr('status.atProvider.identity[0].oidc[0].issuer', issuerHost),
          transforms: [{ type: 'string', string: { type: 'TrimPrefix', trim: 'https://' } }],
        },
      ],
    ),
    nodeGroup(config, 'system'),
    nodeGroup(config, 'app'),
    ...EKS_ADDONS.map((addonName) =>
      composed(
        `addon-${addonName}`,
        Addon.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              region,
              addonName,
              clusterNameSelector: mine,
              resolveConflictsOnCreate: 'OVERWRITE',
              resolveConflictsOnUpdate: 'OVERWRITE',
            },
          },
        }),
      ),
    ),
    ...csiRoles.flatMap((csi) => [
      ...role(csi.role, { managed: [awsManaged(csi.policy)] }),
      composed(
        `${csi.role}-pod-identity`,
        PodIdentityAssociation.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              region,
              clusterNameSelector: mine,
              namespace: 'kube-system',
              serviceAccount: csi.sa,
              roleArnSelector: roleSelector(csi.role),
            },
          },
        }),
      ),
    ]),
    // IRSA: the cluster's OIDC issuer as an IAM identity provider (the apps' service accounts carry role ARNs).
    composed(
      'oidc-provider',
      OpenIdConnectProvider.manifest({
        spec: { providerConfigRef: ref, forProvider: { clientIdList: ['sts.amazonaws.com'] } },
      }),
      [...labPatches({ region: false }), fromXr('status.oidcIssuer', 'spec.forProvider.url')],
    ),
    composed(
      'learner-access-entry',
      AccessEntry.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: { region, clusterNameSelector: mine, type: 'STANDARD' },
        },
      }),
      [...labPatches(), fromXr('spec.adminPrincipalArn', 'spec.forProvider.principalArn')],
    ),
    composed(
      'learner-cluster-admin',
      AccessPolicyAssociation.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            clusterNameSelector: mine,
            policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
            accessScope: { type: 'cluster' },
          },
        },
      }),
      [...labPatches({ tags: false }), fromXr('spec.adminPrincipalArn', 'spec.forProvider.principalArn')],
    ),
  ];
}
