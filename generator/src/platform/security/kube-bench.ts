import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import {
  KubeClusterRole,
  KubeClusterRoleBinding,
  KubeConfigMap,
  KubeCronJob,
  KubeServiceAccount,
  Quantity,
} from '../../../imports/k8s';
import { appNamespaces } from '../../apps/namespaces';
import type { ResolvedConfig } from '../../config/load';
import { image, irsa } from '../aws';
import { restrictedSecurityContext } from '../pod-defaults';

// kube-bench (CIS EKS benchmark) as a nightly CronJob on one node: the raw JSON report, plus a
// namespace-scoped score of the policy checks for the app namespaces (bench-score.js), both uploaded to the
// lab's reports bucket. The summary lines land in the log (and so in CloudWatch Logs).

export const KUBE_BENCH = 'kube-bench';
export const BENCHMARK = 'eks-1.5.0';
const SCRIPT = 'bench-score.js';
export const benchScoreSource = (): string => readFileSync(join(__dirname, SCRIPT), 'utf8');

const small = { cpu: Quantity.fromString('100m'), memory: Quantity.fromString('128Mi') };
const resources = { requests: small, limits: { cpu: Quantity.fromString('500m'), memory: Quantity.fromString('256Mi') } };
const hostDirs = ['/var/lib/kubelet', '/etc/systemd', '/etc/kubernetes'];
const volumeName = (dir: string): string => dir.slice(1).replace(/\//g, '-');

function benchRbac(scope: Construct, ns: string): void {
  // kube-bench's policy checks list these cluster-wide; the scorer reads pods and NetworkPolicies.
  new KubeClusterRole(scope, 'bench-role', {
    metadata: { name: KUBE_BENCH },
    rules: [
      {
        apiGroups: [''],
        resources: ['pods', 'namespaces', 'serviceaccounts', 'nodes'],
        verbs: ['get', 'list'],
      },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list'] },
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'],
        verbs: ['get', 'list'],
      },
    ],
  });
  new KubeClusterRoleBinding(scope, 'bench-binding', {
    metadata: { name: KUBE_BENCH },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: KUBE_BENCH },
    subjects: [{ kind: 'ServiceAccount', name: KUBE_BENCH, namespace: ns }],
  });
}

export function kubeBench(scope: Construct, config: ResolvedConfig, ns: string): void {
  const { bucket, prefix } = config.platform.reports;
  new KubeServiceAccount(scope, 'bench-sa', {
    metadata: { name: KUBE_BENCH, namespace: ns, annotations: irsa(config, KUBE_BENCH) },
  });
  benchRbac(scope, ns);
  new KubeConfigMap(scope, 'bench-script', {
    metadata: { name: 'kube-bench-score', namespace: ns },
    data: { [SCRIPT]: benchScoreSource() },
  });
  new KubeCronJob(scope, 'bench', {
    metadata: { name: KUBE_BENCH, namespace: ns },
    spec: {
      schedule: '30 3 * * *',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 1,
          activeDeadlineSeconds: 1800,
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': KUBE_BENCH } },
            spec: {
              serviceAccountName: KUBE_BENCH,
              hostPid: true, // kube-bench inspects the kubelet process on the node
              restartPolicy: 'Never',
              volumes: [
                ...hostDirs.map((dir) => ({ name: volumeName(dir), hostPath: { path: dir } })),
                { name: 'results', emptyDir: {} },
                { name: 'tmp', emptyDir: {} },
                { name: 'script', configMap: { name: 'kube-bench-score' } },
              ],
              initContainers: [
                {
                  name: 'kube-bench',
                  image: image(config.platform.images.kubeBench),
                  command: ['kube-bench', 'run', '--targets', 'node,policies,managedservices'],
                  args: ['--benchmark', BENCHMARK, '--json', '--outputfile', '/results/kube-bench.json'],
                  resources,
                  securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
                  volumeMounts: [
                    ...hostDirs.map((dir) => ({ name: volumeName(dir), mountPath: dir, readOnly: true })),
                    { name: 'results', mountPath: '/results' },
                  ],
                },
                {
                  name: 'namespace-score',
                  image: image(config.platform.images.node),
                  command: ['node', `/scripts/${SCRIPT}`],
                  env: [
                    { name: 'NAMESPACES', value: appNamespaces.join(',') },
                    { name: 'REPORT', value: '/results/kube-bench.json' },
                    { name: 'OUT', value: '/results/namespace-score.json' },
                  ],
                  resources,
                  securityContext: restrictedSecurityContext(1000),
                  volumeMounts: [
                    { name: 'results', mountPath: '/results' },
                    { name: 'script', mountPath: '/scripts', readOnly: true },
                  ],
                },
              ],
              containers: [
                {
                  name: 'upload',
                  image: image(config.platform.images.awsCli),
                  command: ['/bin/sh', '-c'],
                  args: [
                    `aws s3 cp --recursive /results "s3://${bucket}/${prefix}/kube-bench/$(date -u +%Y-%m-%dT%H%M%SZ)/"`,
                  ],
                  env: [{ name: 'HOME', value: '/tmp' }],
                  resources,
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
      },
    },
  });
}
