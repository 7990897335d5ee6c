import { overlayDir } from '../apps/module';
import { serviceDefs } from '../apps/catalog';
import { NAMESPACES_DIR } from '../apps/namespaces';
import { gitApplication, waves } from '../core/argocd';
import { synth } from '../core/chart';
import { resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import { ANALYSIS_DIR } from '../rollouts/module';

/** App-of-apps for one lab cluster: the folder a cluster-level Application/ApplicationSet points at. */
export const LAB_APPLICATIONS_DIR = 'apps/argocd/lab';

/** Every deployable folder of the lab, in sync-wave order (used here and by cluster ApplicationSets). */
export function labDeployables(): { name: string; path: string; namespace: string; wave: number }[] {
  return [
    { name: 'namespaces', path: NAMESPACES_DIR, namespace: 'default', wave: waves.namespaces },
    { name: 'rollouts-analysis', path: ANALYSIS_DIR, namespace: 'default', wave: waves.sharedAnalysis },
    ...serviceDefs.map((def) => ({
      name: `${def.name}-lab`,
      path: overlayDir(def, 'lab'),
      namespace: def.namespace,
      wave: waves.apps,
    })),
  ];
}

export const labApplicationsModule: OutputModule = {
  name: 'argocd/lab',
  render: (config) =>
    resourceDir(
      LAB_APPLICATIONS_DIR,
      synth((scope) => {
        for (const d of labDeployables()) {
          gitApplication(scope, config, {
            name: d.name,
            path: d.path,
            destinationNamespace: d.namespace,
            wave: d.wave,
          });
        }
      }),
    ),
};
