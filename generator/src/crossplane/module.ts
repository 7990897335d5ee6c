import type { ResolvedConfig } from '../config/load';
import { joinPath, type OutputFile } from '../core/files';
import { resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import { labApis } from './apis';
import { labClaims, labNamespaceObject, labRegistration, labUsages } from './claims';
import { composition, xrd } from './xr';

/** XRDs and Compositions (cluster-scoped, shared by every lab). */
export const CROSSPLANE_APIS_DIR = 'platform/crossplane/apis';
/** One folder per lab: its namespace, requests, deletion ordering and registration. */
export const labClaimsDir = (labId: string): string => joinPath('platform/crossplane/labs', labId);

/** The lab's Crossplane APIs and one set of requests per lab listed in `management.labs`. */
export function renderCrossplane(config: ResolvedConfig): OutputFile[] {
  const apis = labApis.flatMap((api) => [
    xrd(api.xrd),
    composition(api.xrd.kind, api.xrd.plural, api.resources(config)),
  ]);
  return [
    ...resourceDir(CROSSPLANE_APIS_DIR, apis),
    ...config.management.labs.flatMap((lab) =>
      resourceDir(labClaimsDir(lab.id), [
        labNamespaceObject(lab),
        ...labClaims(config, lab),
        ...labUsages(lab),
        labRegistration(config, lab),
      ]),
    ),
  ];
}

export const crossplaneModule: OutputModule = { name: 'platform/crossplane', render: renderCrossplane };
