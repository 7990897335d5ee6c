import type { Construct } from 'constructs';
import {
  ExternalSecret,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetTemplateEngineVersion,
  type ExternalSecretSpecData,
} from '../../imports/external-secrets-external-secrets.io';
import type { ResolvedConfig } from '../config/load';
import { commonLabels, type ServiceDef } from './catalog';
import { datastoreSecretName } from './pod';

/** An ExternalSecret pulling `keys` (secretKey → Secrets Manager key + JSON property) into `target`. */
export function externalSecret(
  scope: Construct,
  config: ResolvedConfig,
  meta: { name: string; namespace: string; labels?: Record<string, string> },
  data: ExternalSecretSpecData[],
  template?: Record<string, string>,
): ExternalSecret {
  return new ExternalSecret(scope, `es-${meta.name}`, {
    metadata: meta,
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name: config.secrets.clusterSecretStore },
      target: {
        name: meta.name,
        creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
        ...(template
          ? { template: { engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2, data: template } }
          : {}),
      },
      data,
    },
  });
}

const ref = (secretKey: string, key: string, property: string): ExternalSecretSpecData => ({
  secretKey,
  remoteRef: { key, property },
});

/**
 * DATABASE_URL / REDIS_URL assembled from the RDS and ElastiCache secrets in AWS Secrets Manager (written
 * there by the Crossplane compositions), so no credential is ever in Git.
 */
export function datastoreSecret(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  if (!def.postgresDatabase && !def.redis) return;
  const prefix = config.secrets.keyPrefix;
  const data: ExternalSecretSpecData[] = [];
  const template: Record<string, string> = {};
  if (def.postgresDatabase) {
    const key = `${prefix}/rds/${def.postgresDatabase}`;
    data.push(ref('dbUser', key, 'username'), ref('dbPassword', key, 'password'), ref('dbHost', key, 'host'), ref('dbPort', key, 'port'));
    template['DATABASE_URL'] =
      `postgres://{{ .dbUser | urlquery }}:{{ .dbPassword | urlquery }}@{{ .dbHost }}:{{ .dbPort }}/${def.postgresDatabase}?sslmode=require`;
  }
  if (def.redis) {
    const key = `${prefix}/elasticache/redis`;
    data.push(ref('redisToken', key, 'authToken'), ref('redisHost', key, 'host'), ref('redisPort', key, 'port'));
    template['REDIS_URL'] = 'rediss://:{{ .redisToken | urlquery }}@{{ .redisHost }}:{{ .redisPort }}';
  }
  externalSecret(
    scope,
    config,
    { name: datastoreSecretName(def), namespace: def.namespace, labels: commonLabels(def) },
    data,
    template,
  );
}
