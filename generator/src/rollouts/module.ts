import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceDefs, type ServiceDef } from '../apps/catalog';
import { synth } from '../core/chart';
import { GENERATED_HEADER, joinPath, type OutputFile } from '../core/files';
import { kustomizationFile, resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import { yamlFile } from '../core/yaml';
import { analysisTemplates } from './analysis';
import { strategyPatch } from './strategies';

export const ROLLOUTS_DIR = 'rollouts';
export const TRANSFORM_COMPONENT = `${ROLLOUTS_DIR}/components/rollout-transform`;
export const ANALYSIS_DIR = `${ROLLOUTS_DIR}/analysis`;
export const componentDir = (def: ServiceDef): string => `${ROLLOUTS_DIR}/components/${def.name}`;

const TRANSFORM_SOURCE = join(__dirname, 'rollout-transform-kustomize-v5.yaml');

/** Kustomize does not know Rollouts: this component carries Argo Rollouts' transformer configuration. */
function transformComponent(): OutputFile[] {
  return [
    { path: `${TRANSFORM_COMPONENT}/rollout-transform.yaml`, content: GENERATED_HEADER + readFileSync(TRANSFORM_SOURCE, 'utf8') },
    kustomizationFile(TRANSFORM_COMPONENT, { kind: 'Component', configurations: ['rollout-transform.yaml'] }),
  ];
}

const STRATEGY_NOTES: Record<ServiceDef['delivery'], string> = {
  'canary-alb': 'Canary with ALB traffic routing (the ALB sends /api here): weights 5/10/25/50/100, first pause manual.',
  'canary-replicas': 'Replica-count canary (internal service): same steps; analysis reads only the canary pods.',
  'blue-green':
    'Blue/green: preview Service, pre-promotion smoke Job, manual `kubectl argo rollouts promote`.\n' +
    'The ALB uses instance targets: with IP targets the switch re-registers pod IPs and drops requests.',
};

function strategyComponent(def: ServiceDef): OutputFile[] {
  const dir = componentDir(def);
  return [
    yamlFile(joinPath(dir, 'strategy-patch.yaml'), strategyPatch(def), STRATEGY_NOTES[def.delivery]),
    kustomizationFile(dir, {
      kind: 'Component',
      components: ['../rollout-transform'],
      patches: [{ path: 'strategy-patch.yaml', target: { group: 'argoproj.io', kind: 'Rollout', name: def.name } }],
    }),
  ];
}

export const rolloutsModule: OutputModule = {
  name: 'rollouts',
  render: (config) => [
    ...transformComponent(),
    ...serviceDefs.flatMap(strategyComponent),
    ...resourceDir(ANALYSIS_DIR, synth((scope) => analysisTemplates(scope, config))),
  ],
};
