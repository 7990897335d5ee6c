import { ReplicationGroup } from '../../imports/aws-elasticache-replicationgroups-elasticache.aws.m.upbound.io';
import { SubnetGroup } from '../../imports/aws-elasticache-subnetgroups-elasticache.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { privateSubnetGroupSpec, securityGroupLabel } from './network';
import { pushedSecret } from './secrets';
import {
  AWS_PROVIDER_CONFIG,
  combine,
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

/** The provider generates the AUTH token into `<xr>-auth-token` (namespace of the XR); never in Git. */
const authTokenSecret = combine('%s-auth-token', 'metadata.name');

export function cacheResources(config: ResolvedConfig): ComposedResource[] {
  const redis = config.selected.infra.redis;
  const ref = AWS_PROVIDER_CONFIG;
  const region = config.aws.region;
  return [
    composed('subnet-group', SubnetGroup.manifest({ spec: privateSubnetGroupSpec(region) })),
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
            autoGenerateAuthToken: true,
            authTokenSecretRef: { name: 'set-by-patch', key: 'token' },
            snapshotRetentionLimit: 1,
            subnetGroupNameSelector: { matchControllerRef: true },
            securityGroupIdSelector: { matchLabels: { [securityGroupLabel]: 'redis' } },
          },
        },
      }),
      [
        ...labPatches(),
        authTokenSecret('spec.forProvider.authTokenSecretRef.name'),
        toXr('status.atProvider.primaryEndpointAddress', 'status.host'),
        toXr('status.atProvider.port', 'status.port'),
      ],
    ),
    ...pushedSecret(config, {
      name: 'connection',
      keyFormat: 'elasticache/%s',
      keyFrom: 'spec.cacheName',
      source: { format: '%s-auth-token', from: 'metadata.name' },
      template: '{"authToken":"{{ .token }}","host":"%s","port":"%v"}',
      statusFields: ['status.host', 'status.port'],
    }),
  ];
}
