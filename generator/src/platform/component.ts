import { JsonPatch } from 'cdk8s';
import { gitApplication, helmApplication, helmValuesFile, type HelmChartRef } from '../core/argocd';
import { synth, type ManifestObject } from '../core/chart';
import type { OutputFile } from '../core/files';
import { kustomizationFile, resourceDir, type Kustomization } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import type { ResolvedConfig } from '../config/load';
import { declareDependencies } from './graph';

/** A pinned upstream chart of a component, with its generated values. */
export interface HelmPart {
  name: string;
  chart: HelmChartRef;
  namespace: string;
  wave: number;
  values: unknown;
  dependsOn?: string[];
}

/** Our own objects of a component, synced from `platform/<component>/<folder>` by a git Application. */
export interface ObjectsPart {
  name: string;
  folder: string;
  namespace: string;
  wave: number;
  objects: ManifestObject[];
  dependsOn?: string[];
  extra?: Kustomization;
}

export interface PlatformComponent {
  helm?: HelmPart[];
  objects?: ObjectsPart[];
  /** Files no Application syncs (scenario material such as chaos experiments, load-test Jobs). */
  files?: OutputFile[];
}

export const componentDir = (component: string): string => `platform/${component}`;

/**
 * Renders one component into `platform/<component>/`: `values/<app>.yaml`, one folder per objects part,
 * `applications/` (every Application, dependencies declared) and a top-level kustomization.yaml that
 * builds to those Applications — the folder a cluster's ApplicationSet points at.
 */
export function renderComponent(
  component: string,
  config: ResolvedConfig,
  parts: PlatformComponent,
): OutputFile[] {
  const dir = componentDir(component);
  const files: OutputFile[] = [];
  for (const h of parts.helm ?? [])
    files.push(helmValuesFile(`${dir}/values/${h.name}.yaml`, h.chart, h.values));
  for (const o of parts.objects ?? []) files.push(...resourceDir(`${dir}/${o.folder}`, o.objects, o.extra));
  const applications = synth((scope) => {
    for (const h of parts.helm ?? []) {
      const app = helmApplication(scope, config, {
        name: h.name,
        destinationNamespace: h.namespace,
        wave: h.wave,
        chart: h.chart,
        valuesPath: `${dir}/values/${h.name}.yaml`,
      });
      declareDependencies(app, h.dependsOn ?? []);
    }
    for (const o of parts.objects ?? []) {
      const app = gitApplication(scope, config, {
        name: o.name,
        destinationNamespace: o.namespace,
        wave: o.wave,
        path: `${dir}/${o.folder}`,
      });
      // our objects may be the first thing in a tool's namespace (an ExternalSecret before the chart)
      app.addJsonPatch(JsonPatch.add('/spec/syncPolicy/syncOptions/-', 'CreateNamespace=true'));
      declareDependencies(app, o.dependsOn ?? []);
    }
  });
  files.push(...resourceDir(`${dir}/applications`, applications));
  files.push(kustomizationFile(dir, { resources: ['applications'] }));
  files.push(...(parts.files ?? []));
  return files;
}

/** An OutputModule for a component. */
export function componentModule(
  component: string,
  build: (config: ResolvedConfig) => PlatformComponent,
): OutputModule {
  return {
    name: `platform/${component}`,
    render: (config) => renderComponent(component, config, build(config)),
  };
}
