import type { K8sObject } from './kustomize';

// The Application graph of a lab: sync waves plus the `eks-sre-lab.io/depends-on` annotation. Argo CD only
// orders by wave, so every declared dependency must sync in an earlier wave; the graph must be acyclic;
// and an Application holding objects of a CRD must come after the chart that installs that CRD.

export const DEPENDS_ON = 'eks-sre-lab.io/depends-on';
const WAVE = 'argocd.argoproj.io/sync-wave';

export interface AppNode {
  name: string;
  wave: number;
  dependsOn: string[];
  /** API groups of the objects it syncs (git Applications), e.g. monitoring.coreos.com. */
  groups?: string[];
  /** Helm chart it installs, if any. */
  chart?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

export function appNodes(applications: K8sObject[], groupsOfPath: (path: string) => string[]): AppNode[] {
  return applications.map((a) => {
    const spec = obj(a['spec']);
    const sources = [spec['source'], ...((spec['sources'] as unknown[]) ?? [])].filter(Boolean).map(obj);
    const chart = sources.map((s) => s['chart']).find((c): c is string => typeof c === 'string');
    const paths = sources.map((s) => s['path']).filter((p): p is string => typeof p === 'string');
    const deps = a.metadata.annotations?.[DEPENDS_ON];
    return {
      name: a.metadata.name,
      wave: Number(a.metadata.annotations?.[WAVE] ?? 0),
      dependsOn: deps ? deps.split(',') : [],
      groups: [...new Set(paths.flatMap(groupsOfPath))].sort(),
      ...(chart ? { chart } : {}),
    };
  });
}

function cycles(nodes: Map<string, AppNode>): string[] {
  const problems: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done' || !nodes.has(name)) return;
    if (state.get(name) === 'visiting') {
      problems.push(`dependency cycle: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const dep of nodes.get(name)!.dependsOn) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of [...nodes.keys()].sort()) visit(name, []);
  return problems;
}

/**
 * Problems of the graph. `crdCharts` maps an API group to the chart installing its CRDs (groups the
 * cluster has built in, or that no chart of the lab installs, are not listed).
 */
export function appGraphProblems(apps: AppNode[], crdCharts: Record<string, string>): string[] {
  const problems: string[] = [];
  const nodes = new Map(apps.map((a) => [a.name, a]));
  for (const a of apps) {
    for (const dep of a.dependsOn) {
      const d = nodes.get(dep);
      if (!d) problems.push(`${a.name} depends on ${dep}, which no Application of the lab defines`);
      else if (d.wave >= a.wave)
        problems.push(`${a.name} (wave ${a.wave}) depends on ${dep} (wave ${d.wave}): not an earlier wave`);
    }
    for (const group of a.groups ?? []) {
      const chart = crdCharts[group];
      if (!chart) continue;
      const owner = apps.find((o) => o.chart === chart);
      if (!owner)
        problems.push(`${a.name} syncs ${group} objects but no Application installs chart ${chart}`);
      else if (owner.wave >= a.wave)
        problems.push(
          `${a.name} (wave ${a.wave}) syncs ${group} objects before ${owner.name} (wave ${owner.wave}) installs the CRDs`,
        );
    }
  }
  return [...problems, ...cycles(nodes)];
}
