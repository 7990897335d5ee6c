import type { Construct } from 'constructs';
import { Application, type ApplicationSpecSyncPolicy } from '../../imports/argocd-application-argoproj.io';
import type { ResolvedConfig } from '../config/load';
import { joinPath, type OutputFile } from './files';
import { yamlFile } from './yaml';

export const ARGOCD_NAMESPACE = 'argocd';
export const ARGOCD_PROJECT = 'default';

/** Argo CD sync-wave annotation: lower waves are applied (and healthy) before higher ones. */
export function syncWave(wave: number): Record<string, string> {
  return { 'argocd.argoproj.io/sync-wave': String(wave) };
}

/** Sync waves used across the tree, so components order themselves without knowing each other. */
export const waves = {
  // First, so the tools' charts (CreateNamespace=true) never create them without their Pod Security labels.
  namespaces: -20,
  crdsAndControllers: -10,
  platform: -5,
  sharedAnalysis: -1,
  apps: 0,
} as const;

const automatedSync: ApplicationSpecSyncPolicy = {
  automated: { prune: true, selfHeal: true },
  syncOptions: ['ServerSideApply=true'],
  retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
};

export interface HelmChartRef {
  repoURL: string;
  chart: string;
  version: string;
}

interface AppCommon {
  name: string;
  destinationNamespace: string;
  wave: number;
}

/** An Application syncing a generated folder of this repository into the lab cluster. */
export function gitApplication(
  scope: Construct,
  config: ResolvedConfig,
  app: AppCommon & { path: string },
): Application {
  return new Application(scope, `app-${app.name}`, {
    metadata: { name: app.name, namespace: ARGOCD_NAMESPACE, annotations: syncWave(app.wave) },
    spec: {
      project: ARGOCD_PROJECT,
      source: { repoUrl: config.git.repoURL, targetRevision: config.git.targetRevision, path: app.path },
      destination: { name: config.cluster.name, namespace: app.destinationNamespace },
      syncPolicy: automatedSync,
    },
  });
}

/**
 * An upstream tool as a pinned Helm chart whose values live in a generated file of this repository
 * (multi-source Application: the chart, plus this repo as `$values`). Returns the Application; emit the
 * values with `helmValuesFile` at the same `valuesPath`.
 */
export function helmApplication(
  scope: Construct,
  config: ResolvedConfig,
  app: AppCommon & { chart: HelmChartRef; valuesPath: string; releaseName?: string },
): Application {
  return new Application(scope, `app-${app.name}`, {
    metadata: { name: app.name, namespace: ARGOCD_NAMESPACE, annotations: syncWave(app.wave) },
    spec: {
      project: ARGOCD_PROJECT,
      sources: [
        {
          repoUrl: app.chart.repoURL,
          chart: app.chart.chart,
          targetRevision: app.chart.version,
          helm: { releaseName: app.releaseName ?? app.name, valueFiles: [`$values/${app.valuesPath}`] },
        },
        { repoUrl: config.git.repoURL, targetRevision: config.git.targetRevision, ref: 'values' },
      ],
      destination: { name: config.cluster.name, namespace: app.destinationNamespace },
      syncPolicy: {
        ...automatedSync,
        syncOptions: [...(automatedSync.syncOptions ?? []), 'CreateNamespace=true'],
      },
    },
  });
}

/** The generated values file a `helmApplication` points at. */
export function helmValuesFile(valuesPath: string, chart: HelmChartRef, values: unknown): OutputFile {
  return yamlFile(
    joinPath(valuesPath),
    values,
    `Helm values for ${chart.chart} ${chart.version} (${chart.repoURL}).`,
  );
}
