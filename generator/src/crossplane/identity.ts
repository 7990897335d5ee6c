import { PodIdentityAssociation } from '../../imports/aws-eks-podidentityassociations-eks.aws.m.upbound.io';
import { s3BucketName } from '../apps/pod';
import type { ResolvedConfig } from '../config/load';
import { awsManaged, role, roleSelector } from './iam';
import { AWS_PROVIDER_CONFIG, combine, composed, labPatches, type ComposedResource } from './xr';

/** A workload's AWS access: the service accounts it binds and its least-privilege policy. */
interface WorkloadRole {
  name: string;
  /** Fixed IAM role name (the apps' IRSA annotation names it: src/apps/workload.ts), else generated. */
  roleName?: string;
  serviceAccounts: { namespace: string; name: string }[];
  policy?: object;
  managed?: string[];
}

export function workloadRoleDefs(config: ResolvedConfig): WorkloadRole[] {
  const bucket = s3BucketName(config);
  const { region, accountId } = config.aws;
  return [
    {
      // main uploads images: objects of the uploads bucket only, no bucket-level rights beyond listing.
      name: 'main',
      roleName: `${config.name}-main`,
      serviceAccounts: [{ namespace: 'backend', name: 'main' }],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
            Resource: `arn:aws:s3:::${bucket}/*`,
          },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: `arn:aws:s3:::${bucket}` },
        ],
      },
    },
    {
      // RDS/Redis credentials reach the apps through External Secrets: read-only on the lab's keys.
      name: 'external-secrets',
      serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: `arn:aws:secretsmanager:${region}:${accountId}:secret:${config.secrets.keyPrefix}/*`,
          },
        ],
      },
    },
    {
      // Metrics, traces and logs to CloudWatch / X-Ray.
      name: 'cloudwatch',
      serviceAccounts: [
        { namespace: config.observability.monitoringNamespace, name: 'adot-collector' },
        { namespace: 'kube-system', name: 'aws-for-fluent-bit' },
      ],
      managed: [awsManaged('CloudWatchAgentServerPolicy'), awsManaged('AWSXrayWriteOnlyAccess')],
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
  return workloadRoleDefs(config).flatMap((w) => {
    const host = 'status.oidcIssuerHost';
    const [first] = w.serviceAccounts;
    const resources = role(`workload-${w.name}`, {
      ...(w.policy ? { policy: w.policy } : {}),
      ...(w.managed ? { managed: w.managed } : {}),
      ...(w.roleName && first
        ? {
            trustPatch: combine(
              IRSA_TRUST(config.aws.accountId, first),
              host,
              host,
              host,
            )('spec.forProvider.assumeRolePolicy'),
          }
        : {}),
    });
    if (w.roleName) {
      const base = resources[0]!.base as { metadata: { annotations?: Record<string, string> } };
      base.metadata.annotations = { 'crossplane.io/external-name': w.roleName };
    }
    return [
      ...resources,
      ...w.serviceAccounts.map((sa) =>
        composed(
          `workload-${w.name}-${sa.namespace}-${sa.name}`,
          PodIdentityAssociation.manifest({
            spec: {
              providerConfigRef: AWS_PROVIDER_CONFIG,
              forProvider: {
                region: config.aws.region,
                clusterNameSelector: { matchControllerRef: true },
                namespace: sa.namespace,
                serviceAccount: sa.name,
                roleArnSelector: roleSelector(`workload-${w.name}`),
              },
            },
          }),
          labPatches(),
        ),
      ),
    ];
  });
}
