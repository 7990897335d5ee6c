import { synth } from '../core/chart';
import { relativePath } from '../core/files';
import { kustomizationFile, resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import type { ResolvedConfig } from '../config/load';
import { componentDir, TRANSFORM_COMPONENT } from '../rollouts/module';
import { appDir, serviceDefs, type ServiceDef } from './catalog';
import { ingress, networkPolicies, services } from './networking';
import { serviceMonitor, sloRules } from './observability';
import { configMapLiterals, configMapName, imageRef } from './pod';
import { autoscaler, disruptionBudget } from './scaling';
import { datastoreSecret } from './secrets';
import { rollout, serviceAccount } from './workload';

/** Environments with an overlay; each selects the service's delivery component. */
export const ENVIRONMENTS = ['lab'] as const;

export const baseDir = (def: ServiceDef): string => `${appDir(def)}/base`;
export const overlayDir = (def: ServiceDef, env: string): string => `${appDir(def)}/overlays/${env}`;

function base(config: ResolvedConfig, def: ServiceDef) {
  const dir = baseDir(def);
  const objects = synth((scope) => {
    rollout(scope, config, def);
    services(scope, def);
    serviceAccount(scope, config, def);
    datastoreSecret(scope, config, def);
    autoscaler(scope, config, def);
    disruptionBudget(scope, def);
    networkPolicies(scope, config, def);
    serviceMonitor(scope, def);
    sloRules(scope, config, def);
    ingress(scope, config, def);
  });
  const literals = Object.entries(configMapLiterals(config, def)).map(([k, v]) => `${k}=${v}`);
  return resourceDir(dir, objects, {
    components: [relativePath(dir, TRANSFORM_COMPONENT)],
    // Generated ConfigMap: its content hash is in the name, so a config change rolls out like an image change.
    configMapGenerator: [{ name: configMapName(def), namespace: def.namespace, literals }],
  });
}

function overlay(config: ResolvedConfig, def: ServiceDef, env: string) {
  const dir = overlayDir(def, env);
  const image = imageRef(config, def);
  return kustomizationFile(dir, {
    resources: [relativePath(dir, baseDir(def))],
    components: [relativePath(dir, componentDir(def))],
    images: [{ name: image.repository, newTag: image.tag }],
    replicas: [{ name: def.name, count: config.selected.workloads[def.name].replicas }],
  });
}

export const appsModule: OutputModule = {
  name: 'apps',
  render: (config) =>
    serviceDefs.flatMap((def) => [...base(config, def), ...ENVIRONMENTS.map((env) => overlay(config, def, env))]),
};
