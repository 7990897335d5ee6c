import type { ApiObject } from 'cdk8s';
import { waves } from '../core/argocd';

/**
 * Sync waves of the platform, finer than the core ones: the operators' namespaces, operators (and their CRDs),
 * then the secret store, then the secrets tools read at start, then the tools, then our own objects for them.
 */
export const platformWaves = {
  namespaces: -11,
  operators: waves.crdsAndControllers, // -10
  secretStore: -9,
  platformSecrets: -8,
  tools: -7,
  config: waves.platform, // -5
  /** after apps/namespaces (-2), before the apps (0) */
  appGuardrails: -1,
} as const;

/** Annotation listing the Applications (by name) an Application needs healthy first; the gate walks it. */
export const DEPENDS_ON = 'eks-sre-lab.io/depends-on';

export function declareDependencies(app: ApiObject, dependsOn: readonly string[]): void {
  if (dependsOn.length > 0) app.metadata.addAnnotation(DEPENDS_ON, [...dependsOn].sort().join(','));
}
