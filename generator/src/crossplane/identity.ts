import { PodIdentityAssociation } from '../../imports/aws-eks-podidentityassociations-eks.aws.m.upbound.io';
import { s3BucketName } from '../apps/pod';
import type { ResolvedConfig } from '../config/load';
import { namespaceLogGroup } from '../platform/observability-pipelines';
import { awsManaged, role, roleSelector } from './iam';
import { observe } from './observe';
import {
  AWS_PROVIDER_CONFIG,
  combine,
  composed,
  fromXr,
  labFields,
  labPatches,
  toXr,
  XR_API_VERSION,
  type ComposedResource,
  type XrdSpec,
} from './xr';

export const workloadIdentityXrd: XrdSpec = {
  kind: 'WorkloadIdentity',
  plural: 'workloadidentities',
  description:
    "IAM roles for the lab's service accounts (IRSA + Pod Identity), least privilege, bound to the EKS cluster <labId>.",
  spec: { properties: { ...labFields }, required: ['labId', 'region'] },
  status: { oidcIssuerHost: { type: 'string' } },
};

/** The lab's EksCluster request (same namespace) tells the OIDC issuer the IRSA trust policies name. */
export function workloadIdentityResources(config: ResolvedConfig): ComposedResource[] {
  return [
    observe(
      'eks-cluster',
      { apiVersion: XR_API_VERSION, kind: 'EksCluster', name: 'eks' },
      { namespaceFrom: 'metadata.namespace' },
      [toXr('status.atProvider.manifest.status.oidcIssuerHost', 'status.oidcIssuerHost')],
    ),
    ...workloadRoles(config),
  ];
}

/** A workload's AWS access: the service account it binds and its least-privilege policy. */
interface WorkloadRole {
  /** Role `<config.name>-<name>`: the name the apps' and platform charts' IRSA annotations carry. */
  name: string;
  serviceAccount: { namespace: string; name: string };
  policy?: object;
  managed?: string[];
}

const allow = (Action: string[], Resource: string | string[], Condition?: object): object => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
const policyOf = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });

/**
 * The seed's IRSA roles (S3 for uploads, RDS credentials, CloudWatch, ECR) and the platform controllers'.
 * ECR pulls use the node role (AmazonEC2ContainerRegistryReadOnly); RDS/Redis credentials reach the apps
 * through External Secrets, whose role reads only the lab's Secrets Manager keys.
 */
export function workloadRoleDefs(config: ResolvedConfig): WorkloadRole[] {
  const bucket = s3BucketName(config);
  const { region, accountId } = config.aws;
  const reports = config.platform.reports;
  const ownedByLab = { StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/enabled': 'true' } };
  return [
    {
      // main uploads images: objects of the uploads bucket only, no bucket-level rights beyond listing.
      name: 'main',
      serviceAccount: { namespace: 'backend', name: 'main' },
      policy: policyOf(
        allow(['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], `arn:aws:s3:::${bucket}/*`),
        allow(['s3:ListBucket'], `arn:aws:s3:::${bucket}`),
      ),
    },
    {
      name: 'external-secrets',
      serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
      policy: policyOf(
        allow(
          ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          `arn:aws:secretsmanager:${region}:${accountId}:secret:${config.secrets.keyPrefix}/*`,
        ),
      ),
    },
    {
      name: 'fluent-bit',
      serviceAccount: { namespace: 'logging', name: 'aws-for-fluent-bit' },
      managed: [awsManaged('CloudWatchAgentServerPolicy')],
    },
    {
      name: 'adot-collector',
      serviceAccount: { namespace: config.observability.monitoringNamespace, name: 'adot-collector' },
      managed: [awsManaged('CloudWatchAgentServerPolicy'), awsManaged('AWSXrayWriteOnlyAccess')],
    },
    {
      // Scales only node groups tagged for the autoscaler (the app and system groups of this lab).
      name: 'cluster-autoscaler',
      serviceAccount: { namespace: 'kube-system', name: 'cluster-autoscaler' },
      policy: policyOf(
        allow(
          [
            'autoscaling:DescribeAutoScalingGroups',
            'autoscaling:DescribeAutoScalingInstances',
            'autoscaling:DescribeLaunchConfigurations',
            'autoscaling:DescribeScalingActivities',
            'autoscaling:DescribeTags',
            'ec2:DescribeImages',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeLaunchTemplateVersions',
            'ec2:GetInstanceTypesFromInstanceRequirements',
            'eks:DescribeNodegroup',
          ],
          '*',
        ),
        allow(
          ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
          '*',
          ownedByLab,
        ),
      ),
    },
    {
      // Falco's alerts to CloudWatch Logs: the security namespace's log group only (chart release "falco").
      name: 'falcosidekick',
      serviceAccount: { namespace: 'security', name: 'falco-falcosidekick' },
      policy: policyOf(
        allow(
          ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
          `arn:aws:logs:${region}:${accountId}:log-group:${namespaceLogGroup(config, 'security')}:*`,
        ),
      ),
    },
    // kube-bench (security) and k6 (loadtest) Jobs upload their reports under their own prefix only.
    ...[
      { name: 'kube-bench', namespace: 'security' },
      { name: 'k6', namespace: 'loadtest' },
    ].map((job) => ({
      name: job.name,
      serviceAccount: { namespace: job.namespace, name: job.name },
      policy: policyOf(
        allow(['s3:PutObject'], `arn:aws:s3:::${reports.bucket}/${reports.prefix}/${job.name}/*`),
      ),
    })),
    {
      // ALBs for Ingresses: load balancers, target groups, and the security groups it creates itself.
      name: 'aws-load-balancer-controller',
      serviceAccount: { namespace: 'kube-system', name: 'aws-load-balancer-controller' },
      policy: policyOf(
        allow(
          [
            'ec2:Describe*',
            'elasticloadbalancing:Describe*',
            'acm:ListCertificates',
            'acm:DescribeCertificate',
            'iam:ListServerCertificates',
            'wafv2:GetWebACLForResource',
            'shield:GetSubscriptionState',
          ],
          '*',
        ),
        allow(
          [
            'ec2:CreateSecurityGroup',
            'ec2:CreateTags',
            'ec2:DeleteSecurityGroup',
            'ec2:AuthorizeSecurityGroupIngress',
            'ec2:RevokeSecurityGroupIngress',
          ],
          '*',
        ),
        allow(
          [
            'elasticloadbalancing:CreateLoadBalancer',
            'elasticloadbalancing:CreateTargetGroup',
            'elasticloadbalancing:CreateListener',
            'elasticloadbalancing:CreateRule',
            'elasticloadbalancing:DeleteLoadBalancer',
            'elasticloadbalancing:DeleteTargetGroup',
            'elasticloadbalancing:DeleteListener',
            'elasticloadbalancing:DeleteRule',
            'elasticloadbalancing:ModifyLoadBalancerAttributes',
            'elasticloadbalancing:ModifyTargetGroup',
            'elasticloadbalancing:ModifyTargetGroupAttributes',
            'elasticloadbalancing:ModifyListener',
            'elasticloadbalancing:ModifyRule',
            'elasticloadbalancing:RegisterTargets',
            'elasticloadbalancing:DeregisterTargets',
            'elasticloadbalancing:SetSecurityGroups',
            'elasticloadbalancing:SetSubnets',
            'elasticloadbalancing:AddTags',
            'elasticloadbalancing:RemoveTags',
          ],
          '*',
        ),
      ),
    },
  ];
}

/** Trust for both Pod Identity and IRSA (the apps' service accounts carry `eks.amazonaws.com/role-arn`). */
const IRSA_TRUST = (accountId: string, sa: { namespace: string; name: string }): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/%s` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            '%s:sub': `system:serviceaccount:${sa.namespace}:${sa.name}`,
            '%s:aud': 'sts.amazonaws.com',
          },
        },
      },
    ],
  });

export function workloadRoles(config: ResolvedConfig): ComposedResource[] {
  const host = 'status.oidcIssuerHost';
  return workloadRoleDefs(config).flatMap((w) => {
    const sa = w.serviceAccount;
    const resources = role(`workload-${w.name}`, {
      ...(w.policy ? { policy: w.policy } : {}),
      ...(w.managed ? { managed: w.managed } : {}),
      trustPatch: combine(
        IRSA_TRUST(config.aws.accountId, sa),
        host,
        host,
        host,
      )('spec.forProvider.assumeRolePolicy'),
    });
    const base = resources[0]!.base as { metadata: { annotations?: Record<string, string> } };
    base.metadata.annotations = { 'crossplane.io/external-name': `${config.name}-${w.name}` };
    return [
      ...resources,
      composed(
        `workload-${w.name}-pod-identity`,
        PodIdentityAssociation.manifest({
          spec: {
            providerConfigRef: AWS_PROVIDER_CONFIG,
            forProvider: {
              region: config.aws.region,
              clusterName: 'set-by-patch',
              namespace: sa.namespace,
              serviceAccount: sa.name,
              roleArnSelector: roleSelector(`workload-${w.name}`),
            },
          },
        }),
        // The EKS cluster is named after the lab (src/crossplane/eks.ts).
        [...labPatches(), fromXr('spec.labId', 'spec.forProvider.clusterName')],
      ),
    ];
  });
}
