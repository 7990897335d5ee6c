import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { K8sObject } from './kustomize';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

export interface AppSource {
  app: string;
  repoURL: string;
  path?: string;
  chart?: string;
  targetRevision?: string;
  valueFiles: string[];
}

export function applicationSources(objects: K8sObject[]): AppSource[] {
  return objects
    .filter((o) => o.apiVersion === 'argoproj.io/v1alpha1' && o.kind === 'Application')
    .flatMap((o) => {
      const spec = obj(o['spec']);
      const sources = [
        ...(spec['source'] ? [spec['source']] : []),
        ...((spec['sources'] as unknown[]) ?? []),
      ].map(obj);
      return sources.map((s) => ({
        app: o.metadata.name,
        repoURL: String(s['repoURL']),
        ...(typeof s['path'] === 'string' ? { path: s['path'] } : {}),
        ...(typeof s['chart'] === 'string' ? { chart: s['chart'] } : {}),
        ...(typeof s['targetRevision'] === 'string' ? { targetRevision: s['targetRevision'] } : {}),
        valueFiles: (obj(s['helm'])['valueFiles'] as string[] | undefined) ?? [],
      }));
    });
}

/**
 * Problems with Applications: a path into this repo must be a buildable kustomization of the tree, a Helm
 * chart must be pinned to an exact version, and `$values/...` files must exist.
 */
export function applicationProblems(
  root: string,
  repoURL: string,
  sources: AppSource[],
  buildable: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const s of sources) {
    if (s.repoURL === repoURL && s.path !== undefined) {
      if (!existsSync(join(root, s.path)))
        problems.push(`Application ${s.app}: path ${s.path} does not exist`);
      else if (!buildable.has(s.path))
        problems.push(`Application ${s.app}: path ${s.path} has no buildable kustomization`);
    }
    if (s.chart !== undefined && !/^\d+\.\d+\.\d+$/.test(s.targetRevision ?? '')) {
      problems.push(
        `Application ${s.app}: chart ${s.chart} is not pinned to an exact version (${s.targetRevision})`,
      );
    }
    for (const file of s.valueFiles) {
      const rel = file.replace(/^\$values\//, '');
      if (!existsSync(join(root, rel)))
        problems.push(`Application ${s.app}: values file ${rel} does not exist`);
    }
  }
  return problems;
}
