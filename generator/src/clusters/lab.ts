import { ApplicationSet } from '../../imports/argocd-applicationset-argoproj.io';
import { LAB_APPLICATIONS_DIR } from '../argocd/lab-applications';
import type { ResolvedConfig } from '../config/load';
import { ARGOCD_NAMESPACE, ARGOCD_PROJECT } from '../core/argocd';
import { synth, type ManifestObject } from '../core/chart';
import { relativePath, type OutputFile } from '../core/files';
import { kustomizationFile, resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import { LAB_LABEL } from '../crossplane/xr';
import { IN_CLUSTER } from './apps';

/** The ApplicationSets the management cluster syncs (Application `lab-clusters`). */
export const LAB_CLUSTERS_DIR = 'clusters/lab/appsets';
/** What every registered lab gets: the apps' and the platform tools' Applications, retargeted per lab. */
export const LAB_ROOT_DIR = 'clusters/lab/apps';
/** Label the registration XR puts on every lab's Argo CD cluster Secret (gitops-bridge `cluster_role`). */
export const LAB_CLUSTER_SELECTOR = { cluster_role: 'lab' };

/** Folders of Applications a lab syncs: the app-of-apps of the services plus each platform tool's. */
export function labApplicationDirs(otherFiles: OutputFile[]): string[] {
  const platform = otherFiles
    .map((f) => /^(platform\/[^/]+\/applications)\/kustomization\.yaml$/.exec(f.path)?.[1])
    .filter((d): d is string => d !== undefined);
  return [LAB_APPLICATIONS_DIR, ...platform.sort()];
}

/**
 * One app-of-apps per registered lab (cluster generator: nothing syncs before the registration XR has
 * written the lab's cluster Secret). Its children keep their sync waves, so CRDs and controllers come
 * before the objects that need them; a kustomize patch points each child at the lab's cluster.
 */
function labAppSet(config: ResolvedConfig): ManifestObject {
  const retarget = [
    { op: 'replace', path: '/spec/destination/name', value: '{{ .name }}' },
  ];
  return synth((scope) => {
    new ApplicationSet(scope, 'labs', {
      metadata: { name: 'labs', namespace: ARGOCD_NAMESPACE },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [{ clusters: { selector: { matchLabels: LAB_CLUSTER_SELECTOR } } }],
        template: {
          metadata: { name: '{{ .name }}-lab', labels: { [LAB_LABEL]: '{{ .name }}' } },
          spec: {
            project: ARGOCD_PROJECT,
            source: {
              repoUrl: config.git.repoURL,
              targetRevision: config.git.targetRevision,
              path: LAB_ROOT_DIR,
              kustomize: {
                namePrefix: '{{ .name }}-',
                commonLabels: { [LAB_LABEL]: '{{ .name }}' },
                patches: [{ target: { kind: 'Application' }, patch: JSON.stringify(retarget) }],
              },
            },
            destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
            syncPolicy: {
              automated: { prune: true, selfHeal: true },
              retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
            },
          },
        },
      },
    });
  })[0]!;
}

export function renderLabClusters(config: ResolvedConfig, otherFiles: OutputFile[]): OutputFile[] {
  return [
    ...resourceDir(LAB_CLUSTERS_DIR, [labAppSet(config)]),
    kustomizationFile(LAB_ROOT_DIR, {
      resources: labApplicationDirs(otherFiles).map((d) => relativePath(LAB_ROOT_DIR, d)),
    }),
  ];
}

/** Needs the other modules' output to list the platform tools' Application folders. */
export function labClustersModule(others: readonly OutputModule[]): OutputModule {
  return {
    name: 'clusters/lab',
    render: (config) =>
      renderLabClusters(
        config,
        others.flatMap((m) => m.render(config)),
      ),
  };
}
