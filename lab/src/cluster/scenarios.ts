// Cluster scenarios: kubectl against the lab EKS cluster, applying the experiments the generator emits
// (platform/chaos) or the lab's own manifests. They cannot run without a cluster, so they are built to be
// checkable offline: every manifest they apply must exist in the tree, and the commands are plain data.
import fs from 'node:fs';
import path from 'node:path';
import type { ScenarioInfo } from '../catalogue-types';
import type { KubectlArgs } from './kubectl';

export interface ClusterCheck {
  /** What the check reads. */
  args: KubectlArgs;
  /** Problems found in its JSON output (empty = fine). */
  evaluate(stdout: string): string[];
}

export interface ClusterScenario extends ScenarioInfo {
  target: 'cluster';
  /** Repository-relative files the commands apply or read; all must exist. */
  manifests: string[];
  start: KubectlArgs[];
  verify: ClusterCheck[];
  reset: KubectlArgs[];
}

interface Item {
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}
const items = (stdout: string) => (JSON.parse(stdout) as { items: Item[] }).items;

const EXPERIMENTS = 'platform/chaos/experiments';

/** The chaos experiment is gone and every backend workload is back at full strength. */
function chaosRecovered(kind: string, name: string): ClusterCheck[] {
  return [
    {
      args: ['get', kind, '-n', 'chaos', '-o', 'json'],
      evaluate: (out) =>
        items(out).some((i) => i.metadata.name === name)
          ? [`${kind} ${name} is still running in namespace chaos`]
          : [],
    },
    backendRolloutsHealthy,
  ];
}

const backendRolloutsHealthy: ClusterCheck = {
  args: ['get', 'rollouts.argoproj.io', '-n', 'backend', '-o', 'json'],
  evaluate: (out) =>
    items(out)
      .filter((r) => r.status?.phase !== 'Healthy' || r.status?.availableReplicas !== r.status?.replicas)
      .map(
        (r) =>
          `rollout ${r.metadata.name}: ${String(r.status?.phase)} (${String(r.status?.availableReplicas ?? 0)}/${String(r.status?.replicas ?? '?')} available)`,
      ),
};

function chaosScenario(
  info: Omit<ClusterScenario, 'target' | 'manifests' | 'start' | 'verify' | 'reset'>,
  kind: string,
  name: string,
): ClusterScenario {
  const file = `${EXPERIMENTS}/${kind.toLowerCase()}-${name}.yaml`;
  return {
    ...info,
    target: 'cluster',
    manifests: [file],
    start: [['apply', '-f', file]],
    verify: chaosRecovered(kind.toLowerCase(), name),
    reset: [['delete', '-f', file, '--ignore-not-found']],
  };
}

/** Replicas above the minimum stay for the 5-minute scale-down stabilization: time enough to verify. */
const hpaScaledOut: ClusterCheck = {
  args: ['get', 'hpa', '-n', 'backend', '-o', 'json'],
  evaluate: (out) => {
    const hpas = items(out);
    const scaled = hpas.filter(
      (h) => Number(h.status?.currentReplicas ?? 0) > Number(h.spec?.minReplicas ?? 1),
    );
    return scaled.length > 0 ? [] : [`no HPA in backend scaled out yet (${hpas.length} at their minimum)`];
  },
};

function withCheck(scenario: ClusterScenario, check: ClusterCheck): ClusterScenario {
  return { ...scenario, verify: [check, ...scenario.verify] };
}

/** Names of the NetworkPolicies the generator emits for a namespace, read from the manifests. */
export function generatedPolicies(root: string, files: string[]): { name: string; namespace: string }[] {
  return files.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const name = /^ {2}name: (\S+)$/m.exec(text)?.[1];
    const namespace = /^ {2}namespace: (\S+)$/m.exec(text)?.[1];
    if (!name || !namespace) throw new Error(`${file}: no metadata.name/namespace`);
    return { name, namespace };
  });
}

const POLICY_FILES = [
  'apps/namespaces/networkpolicy-backend-default-deny.yaml',
  'apps/catalog/base/networkpolicy-catalog.yaml',
  'apps/order/base/networkpolicy-order.yaml',
  'apps/main/base/networkpolicy-main.yaml',
];

export function clusterScenarios(root: string): ClusterScenario[] {
  return [
    chaosScenario(
      {
        id: 'pod-failure',
        title: 'Chaos Mesh makes a backend pod fail',
        seed: 3,
        breaks: 'PodChaos backend-pod-failure takes one backend pod down for 5 minutes',
        verifies:
          'the experiment is deleted and every backend Rollout is Healthy with all replicas available',
        hints: [
          'Watch the SLO dashboard in Grafana and the BackendHighErrorRate/burn-rate alerts: did the PDB and the other replicas keep the SLO?',
          '`kubectl -n backend get pods -w`, `kubectl -n chaos describe podchaos backend-pod-failure`.',
          'End the experiment: `kubectl delete -f platform/chaos/experiments/podchaos-backend-pod-failure.yaml`, wait for the pod to be Ready, verify.',
        ],
      },
      'PodChaos',
      'backend-pod-failure',
    ),
    chaosScenario(
      {
        id: 'network-delay',
        title: 'Chaos Mesh delays traffic from the gateway to the backends',
        seed: 3,
        breaks:
          'NetworkChaos main-to-backends-delay adds 100 ms ± 10 ms to every main → catalog/order packet',
        verifies: 'the experiment is deleted and every backend Rollout is Healthy',
        hints: [
          'Compare p95 per route on the Grafana SLO dashboard before and during the experiment; which alert fires first?',
          '`kubectl -n chaos get networkchaos main-to-backends-delay -o yaml` shows selector, target and duration.',
          'Delete the experiment: `kubectl delete -f platform/chaos/experiments/networkchaos-main-to-backends-delay.yaml`.',
        ],
      },
      'NetworkChaos',
      'main-to-backends-delay',
    ),
    withCheck(
      chaosScenario(
        {
          id: 'hpa-load',
          title: 'CPU load makes the HPA scale the backends out',
          seed: 2,
          breaks: 'StressChaos backend-cpu-stress loads every backend pod to 80 % CPU',
          verifies:
            'an HPA in backend scaled above its minimum replicas, the experiment is deleted, and every Rollout is Healthy',
          hints: [
            '`kubectl -n backend get hpa -w`: targets are 70 % CPU; scale-up may double pods every 60 s.',
            'If pods stay Pending, the cluster autoscaler must add nodes: `kubectl -n kube-system logs deploy/cluster-autoscaler`.',
            'Once replicas rose, end the load: `kubectl delete -f platform/chaos/experiments/stresschaos-backend-cpu-stress.yaml`; verify.',
          ],
        },
        'StressChaos',
        'backend-cpu-stress',
      ),
      hpaScaledOut,
    ),
    {
      id: 'network-policy',
      title: 'A missing NetworkPolicy leaves the backend open',
      seed: 4,
      target: 'cluster',
      breaks:
        'the backend default-deny NetworkPolicy is deleted (Argo CD self-heal is what should bring it back)',
      verifies: 'every NetworkPolicy the generator emits for backend exists in the cluster',
      hints: [
        '`kubectl -n backend get networkpolicy`: compare with apps/namespaces and apps/*/base in Git.',
        '`kubectl -n argocd get applications`: is the namespaces app OutOfSync? Is self-heal on?',
        'Restore from Git: sync the app in Argo CD or `kubectl apply -f apps/namespaces/networkpolicy-backend-default-deny.yaml`.',
      ],
      manifests: POLICY_FILES,
      start: [['delete', 'networkpolicy', 'default-deny', '-n', 'backend', '--ignore-not-found']],
      verify: [
        {
          args: ['get', 'networkpolicies', '-n', 'backend', '-o', 'json'],
          evaluate: (out) => {
            const present = new Set(items(out).map((i) => i.metadata.name));
            return generatedPolicies(root, POLICY_FILES)
              .filter((p) => p.namespace === 'backend' && !present.has(p.name))
              .map((p) => `NetworkPolicy ${p.name} is missing in backend`);
          },
        },
      ],
      reset: [['apply', '-f', POLICY_FILES[0]!]],
    },
    {
      id: 'kube-bench',
      title: 'Raise the CIS benchmark score of the worker nodes',
      seed: 4,
      target: 'cluster',
      breaks:
        'nothing is injected: kube-bench runs the CIS EKS benchmark on a node and reports its FAIL checks',
      verifies: 'the kube-bench Job completed and its JSON report has no FAIL check',
      hints: [
        '`kubectl logs job/kube-bench | jq ".Controls[].tests[].results[] | select(.status==\\"FAIL\\")"` lists failures with remediations.',
        'Node settings come from the node group launch template / kubelet config in the generated Crossplane compositions.',
        'Fix, roll the nodes, then re-run: `npm run lab -- reset kube-bench && npm run lab -- start kube-bench`.',
      ],
      manifests: ['lab/manifests/kube-bench-job.yaml'],
      start: [
        ['apply', '-f', 'lab/manifests/kube-bench-job.yaml'],
        ['wait', '--for=condition=complete', 'job/kube-bench', '-n', 'default', '--timeout=300s'],
      ],
      verify: [{ args: ['logs', 'job/kube-bench', '-n', 'default'], evaluate: kubeBenchProblems }],
      reset: [['delete', '-f', 'lab/manifests/kube-bench-job.yaml', '--ignore-not-found']],
    },
  ];
}

/** kube-bench --json output: { Controls: [...], Totals: { total_pass, total_fail, total_warn } }. */
export function kubeBenchProblems(stdout: string): string[] {
  let report: { Totals?: { total_fail?: number; total_pass?: number; total_warn?: number } };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return ['kube-bench output is not JSON (did the Job finish?)'];
  }
  const totals = report.Totals;
  if (!totals) return ['kube-bench report has no Totals'];
  const fail = totals.total_fail ?? 0;
  const score = `${totals.total_pass ?? 0} pass / ${fail} fail / ${totals.total_warn ?? 0} warn`;
  return fail > 0 ? [`kube-bench: ${score}`] : [];
}
