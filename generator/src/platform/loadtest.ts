import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfigMap, KubeJob, KubeServiceAccount, Quantity } from '../../imports/k8s';
import type { ResolvedConfig } from '../config/load';
import { synth } from '../core/chart';
import { resourceDir } from '../core/kustomize';
import { image, irsa } from './aws';
import { componentDir, componentModule } from './component';
import { platformWaves } from './graph';
import { OPERATOR_NAMESPACES_APP } from './security';
import { restrictedSecurityContext } from './pod-defaults';

// The seed's three load tests. The k6 scripts are sources in `loadtest/` at the repository root (run them
// from a laptop with `k6 run -e BASE_URL=... loadtest/normal.js`); this component ships them as a
// ConfigMap (synced) and writes one Job per scenario to platform/loadtest/jobs, which no Application syncs:
// `kubectl create -f platform/loadtest/jobs/job-k6-<scenario>.yaml` starts a run, the summary lands in the
// Job's log and in the reports bucket.

export const LOADTEST_NAMESPACE = 'loadtest';
export const LOADTEST_SOURCES = join(__dirname, '../../../loadtest');
export const JOBS_DIR = `${componentDir('loadtest')}/jobs`;
const SCRIPTS = 'k6-scripts';
const K6 = 'k6';

/** The seed's scenarios: script, VUs held, for how long (the scripts carry the same numbers). */
export const scenarios = [
  { name: 'normal', vus: 100, hold: '10m', deadlineMinutes: 20 },
  { name: 'spike', vus: 500, hold: '2m', deadlineMinutes: 10 },
  { name: 'soak', vus: 50, hold: '1h', deadlineMinutes: 75 },
] as const;

export const k6Scripts = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(LOADTEST_SOURCES)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => [f, readFileSync(join(LOADTEST_SOURCES, f), 'utf8')]),
  );

const resources = {
  requests: { cpu: Quantity.fromString('500m'), memory: Quantity.fromString('512Mi') },
  limits: { cpu: Quantity.fromString('2'), memory: Quantity.fromString('2Gi') },
};
const small = {
  requests: { cpu: Quantity.fromString('50m'), memory: Quantity.fromString('64Mi') },
  limits: { cpu: Quantity.fromString('200m'), memory: Quantity.fromString('256Mi') },
};

function jobs(config: ResolvedConfig) {
  const { bucket, prefix } = config.platform.reports;
  return synth((scope) => {
    for (const s of scenarios) {
      new KubeJob(scope, `k6-${s.name}`, {
        metadata: { name: `k6-${s.name}`, namespace: LOADTEST_NAMESPACE, labels: { 'app.kubernetes.io/name': K6 } },
        spec: {
          backoffLimit: 0, // a failed threshold is a result, not something to retry
          activeDeadlineSeconds: s.deadlineMinutes * 60,
          ttlSecondsAfterFinished: 86400,
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': K6, 'eks-sre-lab.io/scenario': s.name } },
            spec: {
              serviceAccountName: K6,
              restartPolicy: 'Never',
              volumes: [
                { name: 'scripts', configMap: { name: SCRIPTS } },
                { name: 'results', emptyDir: {} },
                { name: 'tmp', emptyDir: {} },
              ],
              initContainers: [
                {
                  name: 'k6',
                  image: image(config.platform.images.k6),
                  args: ['run', '--no-usage-report', `/scripts/${s.name}.js`],
                  env: [
                    { name: 'BASE_URL', value: `https://${config.domain}` },
                    { name: 'SLO_P95_MS', value: String(config.slo.latencyP95Ms) },
                    { name: 'SLO_ERROR_RATE', value: String(config.slo.errorRatePercent / 100) },
                    { name: 'SUMMARY_DIR', value: '/results' },
                  ],
                  resources,
                  securityContext: restrictedSecurityContext(12345),
                  volumeMounts: [
                    { name: 'scripts', mountPath: '/scripts', readOnly: true },
                    { name: 'results', mountPath: '/results' },
                    { name: 'tmp', mountPath: '/tmp' },
                  ],
                },
              ],
              containers: [
                {
                  name: 'upload',
                  image: image(config.platform.images.awsCli),
                  command: ['/bin/sh', '-c'],
                  args: [
                    `aws s3 cp --recursive /results "s3://${bucket}/${prefix}/k6/${s.name}/$(date -u +%Y-%m-%dT%H%M%SZ)/"`,
                  ],
                  env: [{ name: 'HOME', value: '/tmp' }],
                  resources: small,
                  securityContext: restrictedSecurityContext(1000),
                  volumeMounts: [
                    { name: 'results', mountPath: '/results', readOnly: true },
                    { name: 'tmp', mountPath: '/tmp' },
                  ],
                },
              ],
            },
          },
        },
      });
    }
  });
}

export const loadtestModule = componentModule('loadtest', (config) => ({
  objects: [
    {
      name: 'loadtest-scripts',
      folder: 'scripts',
      namespace: LOADTEST_NAMESPACE,
      wave: platformWaves.config,
      dependsOn: [OPERATOR_NAMESPACES_APP],
      objects: synth((scope) => {
        new KubeServiceAccount(scope, 'sa', {
          metadata: { name: K6, namespace: LOADTEST_NAMESPACE, annotations: irsa(config, K6) },
        });
        new KubeConfigMap(scope, 'scripts', {
          metadata: { name: SCRIPTS, namespace: LOADTEST_NAMESPACE },
          data: k6Scripts(),
        });
      }),
    },
  ],
  files: resourceDir(JOBS_DIR, jobs(config)),
}));
