import { Usage } from '../../imports/crossplane-usage-protection.crossplane.io';
import { KubeNamespace } from '../../imports/k8s';
import { s3BucketName } from '../apps/pod';
import type { ResolvedConfig } from '../config/load';
import type { ManifestObject } from '../core/chart';
import { synth } from '../core/chart';
import { argocdRoleArn, labNamespace } from './registration';
import { XR_API_VERSION, XR_GROUP } from './xr';

type Lab = ResolvedConfig['management']['labs'][number];

/**
 * A lab's requests — Crossplane v2 namespaced composite resources, the successors of v1 claims — all in
 * namespace `lab-<id>`, so compositions find each other's resources (subnets, security groups) by label.
 */
export function labClaims(config: ResolvedConfig, lab: Lab): ManifestObject[] {
  const namespace = labNamespace(lab.id);
  const common = { labId: lab.id, region: config.aws.region };
  const xr = (kind: string, name: string, spec: Record<string, unknown> = {}): ManifestObject => ({
    apiVersion: XR_API_VERSION,
    kind,
    metadata: { name, namespace },
    spec: { ...common, ...spec },
  });
  const prefix = `${config.name}-${config.aws.accountId}`;
  const corsOrigin = `https://${config.domain}`;
  return [
    xr('Network', 'network'),
    xr('EksCluster', 'eks', {
      kubernetesVersion: config.management.kubernetesVersion,
      adminPrincipalArn: lab.adminPrincipalArn,
      autoscalerTags: { [`k8s.io/cluster-autoscaler/${lab.id}`]: 'owned' },
    }),
    xr('WorkloadIdentity', 'workload-identity'),
    xr('Database', 'catalog-db', { databaseName: 'catalog_db' }),
    xr('Database', 'order-db', { databaseName: 'order_db' }),
    xr('Cache', 'redis', { cacheName: 'redis' }),
    xr('Bucket', 'uploads', { bucketName: s3BucketName(config), corsOrigin }),
    xr('Bucket', 'log-archive', { bucketName: `${prefix}-log-archive`, corsOrigin }),
    xr('Bucket', 'reports', { bucketName: config.platform.reports.bucket, corsOrigin }),
    xr('FileSystem', 'shared'),
    xr('Registry', 'images'),
  ];
}

/** XRs that must be deleted before the Network goes (they hold ENIs and subnets in its VPC). */
const NETWORK_USERS = [
  { kind: 'EksCluster', name: 'eks' },
  { kind: 'Database', name: 'catalog-db' },
  { kind: 'Database', name: 'order-db' },
  { kind: 'Cache', name: 'redis' },
  { kind: 'FileSystem', name: 'shared' },
];

/** Deletion ordering: the VPC outlives everything placed in it, so a teardown never hangs on ENIs. */
export function labUsages(lab: Lab): ManifestObject[] {
  const namespace = labNamespace(lab.id);
  return synth((scope) => {
    for (const user of NETWORK_USERS) {
      new Usage(scope, `usage-${user.name}`, {
        metadata: { name: `network-used-by-${user.name}`, namespace },
        spec: {
          of: { apiVersion: XR_API_VERSION, kind: 'Network', resourceRef: { name: 'network' } },
          by: { apiVersion: XR_API_VERSION, kind: user.kind, resourceRef: { name: user.name } },
          reason: `${user.kind} ${user.name} has network interfaces in the VPC`,
          replayDeletion: true,
        },
      });
    }
  });
}

/** The cluster-scoped registration XR: Argo CD learns about the lab once its EKS cluster exists. */
export function labRegistration(config: ResolvedConfig, lab: Lab): ManifestObject {
  return {
    apiVersion: XR_API_VERSION,
    kind: 'LabRegistration',
    metadata: { name: lab.id },
    spec: {
      labId: lab.id,
      labNamespace: labNamespace(lab.id),
      region: config.aws.region,
      accountId: config.aws.accountId,
      learner: lab.learner,
      argocdRoleArn: argocdRoleArn(config),
    },
  };
}

export function labNamespaceObject(lab: Lab): ManifestObject {
  return synth((scope) => {
    new KubeNamespace(scope, 'ns', {
      metadata: { name: labNamespace(lab.id), labels: { [`${XR_GROUP}/lab`]: lab.id } },
    });
  })[0]!;
}
