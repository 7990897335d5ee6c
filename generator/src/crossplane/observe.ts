import { composed, fromXr, KUBERNETES_PROVIDER_CONFIG, type ComposedResource, type Patch } from './xr';

/**
 * An observe-only provider-kubernetes Object: reads another object of the management cluster (an EKS
 * cluster, another XR) and copies fields of its status into this XR's status with `reads`.
 * `namespaceFrom`/`nameFrom` are XR field paths; a cluster-scoped XR also places the Object itself there.
 */
export function observe(
  name: string,
  target: { apiVersion: string; kind: string; name?: string },
  where: { namespaceFrom: string; nameFrom?: string; placeInNamespace?: boolean },
  reads: Patch[],
): ComposedResource {
  return composed(
    name,
    {
      apiVersion: 'kubernetes.m.crossplane.io/v1alpha1',
      kind: 'Object',
      spec: {
        managementPolicies: ['Observe'],
        providerConfigRef: KUBERNETES_PROVIDER_CONFIG,
        forProvider: {
          manifest: {
            apiVersion: target.apiVersion,
            kind: target.kind,
            metadata: { name: target.name ?? 'set-by-patch' },
          },
        },
      },
    },
    [
      ...(where.placeInNamespace ? [fromXr(where.namespaceFrom, 'metadata.namespace')] : []),
      fromXr(where.namespaceFrom, 'spec.forProvider.manifest.metadata.namespace'),
      ...(target.name || !where.nameFrom
        ? []
        : [fromXr(where.nameFrom, 'spec.forProvider.manifest.metadata.name')]),
      ...reads,
    ],
  );
}
