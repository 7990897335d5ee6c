import { Secret } from '../../imports/aws-secretsmanager-secrets-secretsmanager.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import { AWS_PROVIDER_CONFIG, combine, composed, labPatches, type ComposedResource } from './xr';

/** The management cluster's ClusterSecretStore (clusters/management) that PushSecrets write through. */
export const MANAGEMENT_SECRET_STORE = 'aws-secrets-manager';

/**
 * A Secrets Manager secret (its lifecycle: created and deleted with the claim, no recovery window so a
 * teardown leaves nothing) and the PushSecret that writes its JSON value: `template` is a Go template over
 * the keys of the in-cluster Secret `source`, with `%s` filled from the XR's `statusFields` (endpoints).
 */
export function pushedSecret(
  config: ResolvedConfig,
  opts: {
    name: string;
    /** Secrets Manager key under the prefix, e.g. `rds/%s` filled from `keyFrom`. */
    keyFormat: string;
    keyFrom: string;
    source: { name: string } | { format: string; from: string };
    template: string;
    statusFields: string[];
  },
): ComposedResource[] {
  const key = combine(`${config.secrets.keyPrefix}/${opts.keyFormat}`, opts.keyFrom);
  const sourceName =
    'from' in opts.source ? [combine(opts.source.format, opts.source.from)('spec.selector.secret.name')] : [];
  return [
    composed(
      `${opts.name}-secret`,
      Secret.manifest({
        spec: {
          providerConfigRef: AWS_PROVIDER_CONFIG,
          forProvider: {
            region: config.aws.region,
            description:
              'Written by a PushSecret from the Crossplane composition; read by the apps via External Secrets.',
            recoveryWindowInDays: 0,
            tags: { 'managed-by': 'external-secrets' },
          },
        },
      }),
      [
        ...labPatches(),
        key('metadata.annotations[crossplane.io/external-name]'),
        key('spec.forProvider.name'),
      ],
    ),
    composed(
      `${opts.name}-push`,
      {
        apiVersion: 'external-secrets.io/v1alpha1',
        kind: 'PushSecret',
        spec: {
          refreshInterval: '1h',
          deletionPolicy: 'None',
          secretStoreRefs: [{ kind: 'ClusterSecretStore', name: MANAGEMENT_SECRET_STORE }],
          selector: { secret: { name: 'name' in opts.source ? opts.source.name : 'set-by-patch' } },
          template: { engineVersion: 'v2', data: { value: 'set-by-patch' } },
          data: [{ match: { secretKey: 'value', remoteRef: { remoteKey: 'set-by-patch' } } }],
        },
      },
      [
        ...sourceName,
        key('spec.data[0].match.remoteRef.remoteKey'),
        {
          ...combine(opts.template, ...opts.statusFields)('spec.template.data.value'),
          policy: { fromFieldPath: 'Required' },
        },
      ],
    ),
  ];
}
