import { Instance } from '../../imports/aws-rds-instances-rds.aws.m.upbound.io';
import { SubnetGroup } from '../../imports/aws-rds-subnetgroups-rds.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { privateSubnetGroupSpec, securityGroupLabel } from './network';
import { pushedSecret } from './secrets';
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

export const databaseXrd: XrdSpec = {
  kind: 'Database',
  plural: 'databases',
  description: 'An RDS PostgreSQL instance for one service database, its credentials in Secrets Manager.',
  spec: {
    properties: {
      ...labFields,
      databaseName: str('Database name (catalog_db, order_db).', { pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    },
    required: ['labId', 'region', 'databaseName'],
  },
  status: { address: { type: 'string' }, port: { type: 'integer' } },
};

export const DB_USERNAME = 'app';

export function databaseResources(config: ResolvedConfig): ComposedResource[] {
  const rds = config.selected.infra.rds;
  const ref = AWS_PROVIDER_CONFIG;
  const mine = { matchControllerRef: true };
  const region = config.aws.region;
  return [
    composed('subnet-group', SubnetGroup.manifest({ spec: privateSubnetGroupSpec(region) })),
    composed(
      'instance',
      Instance.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            region,
            engine: 'postgres',
            engineVersion: '17',
            instanceClass: rds.instanceClass,
            allocatedStorage: 20,
            maxAllocatedStorage: 100,
            storageType: 'gp3',
            storageEncrypted: true,
            multiAz: rds.multiAz,
            backupRetentionPeriod: rds.backupRetentionDays,
            performanceInsightsEnabled: rds.performanceInsights,
            username: DB_USERNAME,
            autoGeneratePassword: true,
            passwordSecretRef: { name: 'set-by-patch', key: 'password' },
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            skipFinalSnapshot: true,
            deletionProtection: false,
            dbSubnetGroupNameSelector: mine,
            vpcSecurityGroupIdSelector: { matchLabels: { [securityGroupLabel]: 'postgres' } },
          },
        },
      }),
      [
        ...labPatches(),
        fromXr('spec.databaseName', 'spec.forProvider.dbName'),
        // The generated password lands in a Secret named after the XR (a DNS name; the database name is not).
        combine('%s-master-password', 'metadata.name')('spec.forProvider.passwordSecretRef.name'),
        toXr('status.atProvider.address', 'status.address'),
        toXr('status.atProvider.port', 'status.port'),
      ],
    ),
    ...pushedSecret(config, {
      name: 'credentials',
      keyFormat: 'rds/%s',
      keyFrom: 'spec.databaseName',
      source: { format: '%s-master-password', from: 'metadata.name' },
      template: `{"username":"${DB_USERNAME}","password":"{{ .password }}","host":"%s","port":"%v"}`,
      statusFields: ['status.address', 'status.port'],
    }),
  ];
}
