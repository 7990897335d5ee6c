import type { Construct } from 'constructs';
import { Application, type ApplicationSpecSource } from '../../imports/argocd-application-argoproj.io';
import type { ResolvedConfig } from '../config/load';
import { ARGOCD_NAMESPACE, ARGOCD_PROJECT, syncWave, type HelmChartRef } from '../core/argocd';

/** The management cluster itself, as Argo CD names it. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

const syncPolicy = {
  automated: { prune: true, selfHeal: true },
  // CRDs of providers and XRDs appear during the same sync: skip the dry run for kinds not yet known.
  syncOptions: ['ServerSideApply=true', 'CreateNamespace=true', 'SkipDryRunOnMissingResource=true'],
  retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
};

interface ManagementApp {
  name: string;
  namespace: string;
  wave: number;
}

function managementApplication(
  scope: Construct,
  app: ManagementApp,
  source: { source: ApplicationSpecSource } | { sources: ApplicationSpecSource[] },
): Application {
  return new Application(scope, `app-${app.name}`, {
    metadata: { name: app.name, namespace: ARGOCD_NAMESPACE, annotations: syncWave(app.wave) },
    spec: {
      project: ARGOCD_PROJECT,
      ...source,
      destination: { server: IN_CLUSTER, namespace: app.namespace },
      syncPolicy,
    },
  });
}

/** A folder of this repository synced into the management cluster. */
export function gitApp(scope: Construct, config: ResolvedConfig, app: ManagementApp & { path: string }): void {
  managementApplication(scope, app, {
    source: { repoUrl: config.git.repoURL, targetRevision: config.git.targetRevision, path: app.path },
  });
}

/** A pinned Helm chart with its values from a generated file of this repository. */
export function helmApp(
  scope: Construct,
  config: ResolvedConfig,
  app: ManagementApp & { chart: HelmChartRef; valuesPath: string },
): void {
  managementApplication(scope, app, {
    sources: [
      {
        repoUrl: app.chart.repoURL,
        chart: app.chart.chart,
        targetRevision: app.chart.version,
        helm: { releaseName: app.name, valueFiles: [`$values/${app.valuesPath}`] },
      },
      { repoUrl: config.git.repoURL, targetRevision: config.git.targetRevision, ref: 'values' },
    ],
  });
}
