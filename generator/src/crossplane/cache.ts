import { ReplicationGroup } from '../../imports/aws-elasticache-replicationgroups-elasticache.aws.m.upbound.io';
import { SubnetGroup } from '../../imports/aws-elasticache-subnetgroups-elasticache.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { securityGroupLabel, subnetLabel } from './network';
import { pushedSecret } from './secrets';
import {
  AWS_PROVIDER_CONFIG,
  composed,
  labFields,
  labPatches,
  str,
  toXr,
  type ComposedResource,
  type XrdSpec,
} from './xr';

export const cacheXrd: XrdSpec = {
  kind: 'Cache',
  plural: 'caches',
  description: 'ElastiCache Redis (non-cluster mode, TLS + AUTH), its endpoint and token in Secrets Manager.',
  spec: {
    properties: {
      ...labFields,
      cacheName: str('Cache name: the Secrets Manager key elasticache/<name>.', {
        pattern: '^[a-z][-a-z0-9]{0,39}$',
      }),
    },
    required: ['labId', 'region', 'cacheName'],
  },
  status: { host: { type: 'string' }, port: { type: 'integer' } },
};

/** The AUTH token Secret an operator creates once per lab namespace (docs/aws.md); never in Git. */
export const REDIS_AUTH_SECRET = 'redis-auth';

export function cacheResources(config: ResolvedConfig): ComposedResource[] {
  const redis = config.selected.infra.redis;
  const ref = AWS_PROVIDER_CONFIG;
  const region = config.aws.region;
  return [
    composed(
      'subnet-group',
      SubnetGroup.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            description: 'lab private subnets',
            subnetIdSelector: { matchLabels: { [subnetLabel]: 'private' } },
          },
        },
      }),
    ),
    composed(
      'replication-group',
      ReplicationGroup.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            description: 'eks-sre-lab cache (catalog cache-aside, order idempotency)',
            engine: 'redis',
            engineVersion: '7.1',
            nodeType: redis.nodeType,
            numCacheClusters: 1 + redis.replicas,
            automaticFailoverEnabled: redis.replicas > 0,
            multiAzEnabled: redis.replicas > 0,
            port: 6379,
            atRestEncryptionEnabled: 'true',
            transitEncryptionEnabled: true,
            authTokenSecretRef: { name: REDIS_AUTH_SECRET, key: 'token' },
            snapshotRetentionLimit: 1,
            subnetGroupNameSelector: { matchControllerRef: true },
            securityGroupIdSelector: { matchLabels: { [securityGroupLabel]: 'redis' } },
          },
        },
      }),
      [
        ...labPatches(),
        toXr('status.atProvider.primaryEndpointAddress', 'status.host'),
        toXr('status.atProvider.port', 'status.port'),
      ],
    ),
    ...pushedSecret(config, {
      name: 'connection',
      keyFormat: 'elasticache/%s',
      keyFrom: 'spec.cacheName',
      source: { name: REDIS_AUTH_SECRET },
      template: '{"authToken":"{{ .token }}","host":"%s","port":"%v"}',
      statusFields: ['status.host', 'status.port'],
    }),
  ];
}
