import type { ResolvedConfig } from '../config/load';
import { helmValuesFile, waves } from '../core/argocd';
import { synth } from '../core/chart';
import type { OutputFile } from '../core/files';
import { resourceDir } from '../core/kustomize';
import type { OutputModule } from '../core/registry';
import { CROSSPLANE_APIS_DIR, labClaimsDir } from '../crossplane/module';
import { gitApp, helmApp } from './apps';
import { AWS_CREDENTIALS_SECRET, CROSSPLANE_NAMESPACE, crossplaneConfig, crossplanePackages } from './crossplane-packages';
import { LAB_CLUSTERS_DIR } from './lab';
import { teardownScript } from './teardown';

const DIR = 'clusters/management';
export const MANAGEMENT_APPS_DIR = `${DIR}/apps`;
const PACKAGES_DIR = `${DIR}/crossplane/packages`;
const CONFIG_DIR = `${DIR}/crossplane/config`;
const values = (tool: string): string => `${DIR}/values/${tool}.yaml`;

/**
 * Argo CD treats a child Application as healthy only once it is synced and healthy, so an app-of-apps
 * honours the children's sync waves (CRDs and controllers first). Argo CD's documented health check.
 */
const APPLICATION_HEALTH = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil and obj.status.health ~= nil then
  hs.status = obj.status.health.status
  if obj.status.health.message ~= nil then
    hs.message = obj.status.health.message
  end
end
return hs
`;

/** On kind the Argo CD controller reaches the labs' EKS API with keys from a hand-made Secret. */
const awsEnv = (config: ResolvedConfig): Record<string, unknown>[] =>
  config.management.cluster === 'kind'
    ? [
        ['AWS_ACCESS_KEY_ID', 'access-key-id'],
        ['AWS_SECRET_ACCESS_KEY', 'secret-access-key'],
      ].map(([name, key]) => ({
        name,
        valueFrom: { secretKeyRef: { name: AWS_CREDENTIALS_SECRET, key, optional: true } },
      }))
    : [];

function valuesFiles(config: ResolvedConfig): OutputFile[] {
  const { crossplane, argocd } = config.management;
  const env = [...awsEnv(config), { name: 'AWS_REGION', value: config.aws.region }];
  return [
    helmValuesFile(values('argocd'), argocd.chart, {
      configs: {
        cm: { 'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH },
        params: { 'server.insecure': false },
      },
      controller: { env },
      server: { env },
      applicationSet: { replicas: 1 },
    }),
    helmValuesFile(values('crossplane'), crossplane.chart, {
      // Only what the lab's MRAP activates is installed (no default "*" activation policy).
      provider: { defaultActivations: [] },
      resourcesCrossplane: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
    }),
    helmValuesFile(values('external-secrets'), config.platform.charts.externalSecrets, {
      installCRDs: true,
      serviceAccount: { name: 'external-secrets' },
    }),
  ];
}

export function renderManagement(config: ResolvedConfig): OutputFile[] {
  const apps = synth((scope) => {
    const chart = (name: string, namespace: string, ref: { repoURL: string; chart: string; version: string }) =>
      helmApp(scope, config, { name, namespace, wave: waves.crdsAndControllers, chart: ref, valuesPath: values(name) });
    chart('argocd', 'argocd', config.management.argocd.chart);
    chart('crossplane', CROSSPLANE_NAMESPACE, config.management.crossplane.chart);
    chart('external-secrets', 'external-secrets', config.platform.charts.externalSecrets);
    gitApp(scope, config, { name: 'crossplane-packages', namespace: CROSSPLANE_NAMESPACE, wave: -8, path: PACKAGES_DIR });
    gitApp(scope, config, { name: 'crossplane-config', namespace: CROSSPLANE_NAMESPACE, wave: -6, path: CONFIG_DIR });
    gitApp(scope, config, { name: 'crossplane-apis', namespace: CROSSPLANE_NAMESPACE, wave: -4, path: CROSSPLANE_APIS_DIR });
    for (const lab of config.management.labs) {
      gitApp(scope, config, { name: `lab-${lab.id}-infra`, namespace: `lab-${lab.id}`, wave: -2, path: labClaimsDir(lab.id) });
    }
    gitApp(scope, config, { name: 'lab-clusters', namespace: 'argocd', wave: 0, path: LAB_CLUSTERS_DIR });
  });
  const root = synth((scope) =>
    gitApp(scope, config, { name: 'management', namespace: 'argocd', wave: 0, path: MANAGEMENT_APPS_DIR }),
  );
  return [
    ...resourceDir(`${DIR}/bootstrap`, root),
    ...resourceDir(MANAGEMENT_APPS_DIR, apps),
    ...valuesFiles(config),
    ...resourceDir(PACKAGES_DIR, synth((scope) => crossplanePackages(scope, config))),
    ...resourceDir(CONFIG_DIR, synth((scope) => crossplaneConfig(scope, config))),
    teardownScript(config),
  ];
}

export const managementModule: OutputModule = { name: 'clusters/management', render: renderManagement };
