import { LifecyclePolicy } from '../../imports/aws-ecr-lifecyclepolicies-ecr.aws.m.upbound.io';
import { Repository } from '../../imports/aws-ecr-repositories-ecr.aws.m.upbound.io';
import { AccessPoint } from '../../imports/aws-efs-accesspoints-efs.aws.m.upbound.io';
import { FileSystem } from '../../imports/aws-efs-filesystems-efs.aws.m.upbound.io';
import { MountTarget } from '../../imports/aws-efs-mounttargets-efs.aws.m.upbound.io';
import { BucketCorsConfiguration } from '../../imports/aws-s3-bucketcorsconfigurations-s3.aws.m.upbound.io';
import { BucketOwnershipControls } from '../../imports/aws-s3-bucketownershipcontrols-s3.aws.m.upbound.io';
import { BucketPolicy } from '../../imports/aws-s3-bucketpolicies-s3.aws.m.upbound.io';
import { BucketPublicAccessBlock } from '../../imports/aws-s3-bucketpublicaccessblocks-s3.aws.m.upbound.io';
import { Bucket } from '../../imports/aws-s3-buckets-s3.aws.m.upbound.io';
import { BucketServerSideEncryptionConfiguration } from '../../imports/aws-s3-bucketserversideencryptionconfigurations-s3.aws.m.upbound.io';
import { BucketVersioning } from '../../imports/aws-s3-bucketversionings-s3.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { securityGroupLabel, subnetLabel, zones } from './network';
import {
  AWS_PROVIDER_CONFIG,
  combine,
  composed,
  fromXr,
  labFields,
  labPatches,
  str,
  toXr,
  type ComposedResource,
  type XrdSpec,
} from './xr';

const ref = AWS_PROVIDER_CONFIG;
const mine = { matchControllerRef: true };

export const bucketXrd: XrdSpec = {
  kind: 'Bucket',
  plural: 'buckets',
  description: 'A private, encrypted, versioned S3 bucket (uploads, log archive, kube-bench results).',
  spec: {
    properties: {
      ...labFields,
      bucketName: str('Globally unique bucket name.', { pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' }),
      corsOrigin: str('Browser origin allowed to PUT/GET objects directly (uploads).', {
        pattern: '^https://',
      }),
    },
    required: ['labId', 'region', 'bucketName', 'corsOrigin'],
  },
  status: { arn: { type: 'string' } },
};

export function bucketResources(config: ResolvedConfig): ComposedResource[] {
  const region = config.aws.region;
  const forBucket = { region, bucketSelector: mine };
  const plain = labPatches({ tags: false });
  return [
    composed(
      'bucket',
      Bucket.manifest({ spec: { providerConfigRef: ref, forProvider: { region, forceDestroy: true } } }),
      [
        ...labPatches(),
        fromXr('spec.bucketName', 'metadata.annotations[crossplane.io/external-name]'),
        toXr('status.atProvider.arn', 'status.arn'),
      ],
    ),
    composed(
      'public-access-block',
      BucketPublicAccessBlock.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            ...forBucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
          },
        },
      }),
      plain,
    ),
    composed(
      'ownership',
      BucketOwnershipControls.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: { ...forBucket, rule: { objectOwnership: 'BucketOwnerEnforced' } },
        },
      }),
      plain,
    ),
    composed(
      'encryption',
      BucketServerSideEncryptionConfiguration.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            ...forBucket,
            rule: [
              { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true },
            ],
          },
        },
      }),
      plain,
    ),
    composed(
      'versioning',
      BucketVersioning.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: { ...forBucket, versioningConfiguration: { status: 'Enabled' } },
        },
      }),
      plain,
    ),
    composed(
      'cors',
      BucketCorsConfiguration.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            ...forBucket,
            corsRule: [
              {
                allowedMethods: ['GET', 'PUT'],
                allowedOrigins: ['set-by-patch'],
                allowedHeaders: ['*'],
                maxAgeSeconds: 3000,
              },
            ],
          },
        },
      }),
      [...plain, fromXr('spec.corsOrigin', 'spec.forProvider.corsRule[0].allowedOrigins[0]')],
    ),
    composed(
      'policy',
      BucketPolicy.manifest({
        spec: { providerConfigRef: ref, forProvider: { ...forBucket, policy: 'set-by-patch' } },
      }),
      [
        ...plain,
        // TLS only: deny every request that is not over HTTPS.
        combine(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: ['arn:aws:s3:::%s', 'arn:aws:s3:::%s/*'],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          }),
          'spec.bucketName',
          'spec.bucketName',
        )('spec.forProvider.policy'),
      ],
    ),
  ];
}

export const fileSystemXrd: XrdSpec = {
  kind: 'FileSystem',
  plural: 'filesystems',
  description: 'An encrypted EFS file system with a mount target per AZ and an access point for the lab.',
  spec: { properties: { ...labFields }, required: ['labId', 'region'] },
  status: { fileSystemId: { type: 'string' }, accessPointId: { type: 'string' } },
};

export function fileSystemResources(config: ResolvedConfig): ComposedResource[] {
  const region = config.aws.region;
  return [
    composed(
      'file-system',
      FileSystem.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            encrypted: true,
            performanceMode: 'generalPurpose',
            throughputMode: 'elastic',
          },
        },
      }),
      [...labPatches(), toXr('status.atProvider.id', 'status.fileSystemId')],
    ),
    ...zones(config).map((z) =>
      composed(
        `mount-target-${z}`,
        MountTarget.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              region,
              fileSystemIdSelector: mine,
              subnetIdSelector: { matchLabels: { [subnetLabel]: 'private', 'eks-sre-lab.io/zone': z } },
              securityGroupsSelector: { matchLabels: { [securityGroupLabel]: 'nfs' } },
            },
          },
        }),
        labPatches({ tags: false }),
      ),
    ),
    composed(
      'access-point',
      AccessPoint.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            fileSystemIdSelector: mine,
            posixUser: { uid: 1000, gid: 1000 },
            rootDirectory: {
              path: '/lab',
              creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: '0750' },
            },
          },
        },
      }),
      [...labPatches(), toXr('status.atProvider.id', 'status.accessPointId')],
    ),
  ];
}

export const registryXrd: XrdSpec = {
  kind: 'Registry',
  plural: 'registries',
  description: 'One ECR repository per service: immutable tags, scan on push, lifecycle policy.',
  spec: { properties: { ...labFields }, required: ['labId', 'region'] },
};

const lifecycle = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: 'untagged images go after 7 days',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
      action: { type: 'expire' },
    },
    {
      rulePriority: 2,
      description: 'keep the last 30 images',
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 },
      action: { type: 'expire' },
    },
  ],
});

export function registryResources(config: ResolvedConfig): ComposedResource[] {
  const region = config.aws.region;
  return Object.entries(config.services).flatMap(([service, settings]) => {
    const labels = { 'eks-sre-lab.io/repository': service };
    return [
      composed(
        `${service}-repository`,
        Repository.manifest({
          metadata: { labels, annotations: { 'crossplane.io/external-name': settings.image } },
          spec: {
            providerConfigRef: ref,
            forProvider: {
              region,
              imageTagMutability: 'IMMUTABLE',
              imageScanningConfiguration: { scanOnPush: true },
              encryptionConfiguration: [{ encryptionType: 'AES256' }],
              forceDelete: true,
            },
          },
        }),
      ),
      composed(
        `${service}-lifecycle`,
        LifecyclePolicy.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              region,
              policy: lifecycle,
              repositorySelector: { matchControllerRef: true, matchLabels: labels },
            },
          },
        }),
        labPatches({ tags: false }),
      ),
    ];
  });
}
