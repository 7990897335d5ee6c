import {
  Composition,
  CompositionSpecMode,
} from '../../imports/crossplane-composition-apiextensions.crossplane.io';
import { Resources } from '../../imports/crossplane-pt-resources-pt.fn.crossplane.io';
import {
  CompositeResourceDefinitionV2,
  CompositeResourceDefinitionV2SpecScope,
} from '../../imports/crossplane-xrd-apiextensions.crossplane.io';
import type { ManifestObject } from '../core/chart';
import { synth } from '../core/chart';

/** API group of the lab's composite resources (the design card's "claims"). */
export const XR_GROUP = 'aws.eks-sre-lab.io';
export const XR_VERSION = 'v1alpha1';
export const XR_API_VERSION = `${XR_GROUP}/${XR_VERSION}`;
/** The ClusterProviderConfig every composed AWS resource names (credentials: clusters/management). */
export const AWS_PROVIDER_CONFIG = { kind: 'ClusterProviderConfig', name: 'aws' } as const;
export const LAB_LABEL = 'eks-sre-lab.io/lab';
/** provider-kubernetes talks to the management cluster itself (its own service account). */
export const KUBERNETES_PROVIDER_CONFIG = { kind: 'ClusterProviderConfig', name: 'in-cluster' } as const;

/** A function-patch-and-transform patch (the subset the lab uses). */
export interface Patch {
  type: 'FromCompositeFieldPath' | 'ToCompositeFieldPath' | 'CombineFromComposite';
  fromFieldPath?: string;
  toFieldPath: string;
  combine?: { strategy: 'string'; variables: { fromFieldPath: string }[]; string: { fmt: string } };
  policy?: { fromFieldPath?: 'Required' | 'Optional'; toFieldPath?: 'MergeObjects' };
  transforms?: { type: 'string'; string: { type: 'TrimPrefix'; trim: string } }[];
}

export const fromXr = (from: string, to: string): Patch => ({
  type: 'FromCompositeFieldPath',
  fromFieldPath: from,
  toFieldPath: to,
  policy: { fromFieldPath: 'Required' },
});
export const toXr = (from: string, to: string): Patch => ({
  type: 'ToCompositeFieldPath',
  fromFieldPath: from,
  toFieldPath: to,
});
/** A string built from XR fields, e.g. `combine('%s-vpc', 'spec.labId')`. */
export const combine =
  (fmt: string, ...from: string[]): ((to: string) => Patch) =>
  (to) => ({
    type: 'CombineFromComposite',
    combine: { strategy: 'string', variables: from.map((f) => ({ fromFieldPath: f })), string: { fmt } },
    toFieldPath: to,
  });

/** Patches every lab resource carries: region, the lab label (selectors match on it) and AWS tags. */
export const labPatches = (opts: { region?: boolean; tags?: boolean } = {}): Patch[] => [
  ...(opts.region === false ? [] : [fromXr('spec.region', 'spec.forProvider.region')]),
  fromXr('spec.labId', `metadata.labels[${LAB_LABEL}]`),
  ...(opts.tags === false ? [] : [fromXr('spec.labId', 'spec.forProvider.tags[eks-sre-lab.io/lab]')]),
];

export interface ComposedResource {
  name: string;
  base: Record<string, unknown>;
  patches: Patch[];
}

/** A composed resource: the typed base (with its providerConfigRef) and its patches. */
export function composed(name: string, base: unknown, patches: Patch[] = labPatches()): ComposedResource {
  return { name, base: base as Record<string, unknown>, patches };
}

export interface XrdSpec {
  kind: string;
  plural: string;
  scope?: 'Namespaced' | 'Cluster';
  description: string;
  spec: { properties: Record<string, unknown>; required: string[] };
  status?: Record<string, unknown>;
}

export const str = (description: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'string',
  description,
  ...extra,
});

/** The common XR fields: which lab, which region. */
export const labFields = {
  labId: str('Lab id (one per learner): names, tags and the selector label of every resource.', {
    pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
    maxLength: 20,
  }),
  region: str('AWS region.', { pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }),
};

/** A Crossplane v2 XRD (namespaced unless said otherwise). */
export function xrd(def: XrdSpec): ManifestObject {
  return synth((scope) => {
    new CompositeResourceDefinitionV2(scope, def.kind, {
      metadata: { name: `${def.plural}.${XR_GROUP}` },
      spec: {
        group: XR_GROUP,
        names: { kind: def.kind, plural: def.plural },
        scope:
          def.scope === 'Cluster'
            ? CompositeResourceDefinitionV2SpecScope.CLUSTER
            : CompositeResourceDefinitionV2SpecScope.NAMESPACED,
        versions: [
          {
            name: XR_VERSION,
            served: true,
            referenceable: true,
            schema: {
              openApiv3Schema: {
                type: 'object',
                description: def.description,
                properties: {
                  spec: { type: 'object', ...def.spec },
                  ...(def.status ? { status: { type: 'object', properties: def.status } } : {}),
                },
                required: ['spec'],
              },
            },
          },
        ],
      },
    });
  })[0]!;
}

/** A Pipeline Composition: function-patch-and-transform composes, function-auto-ready marks readiness. */
export function composition(kind: string, plural: string, resources: ComposedResource[]): ManifestObject {
  return synth((scope) => {
    new Composition(scope, kind, {
      metadata: { name: `${plural}.${XR_GROUP}`, labels: { 'eks-sre-lab.io/xr': kind } },
      spec: {
        compositeTypeRef: { apiVersion: XR_API_VERSION, kind },
        mode: CompositionSpecMode.PIPELINE,
        pipeline: [
          {
            step: 'patch-and-transform',
            functionRef: { name: 'function-patch-and-transform' },
            input: { ...Resources.GVK, resources },
          },
          { step: 'automatically-detect-ready', functionRef: { name: 'function-auto-ready' } },
        ],
      },
    });
  })[0]!;
}
