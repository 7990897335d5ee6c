// Cluster scenarios cannot run here (no cluster): they are checked by construction — every manifest they
// apply exists in the generated tree, commands are well-formed kubectl argv, evaluations read real shapes.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@eks-sre-lab/harness';
import { clusterScenarios, kubeBenchProblems, showCommand } from '../src';
import { runCluster, missingManifests } from '../src/cluster/runner';

const ROOT = repoRoot(__dirname);
const scenarios = clusterScenarios(ROOT);

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('applies and reads only files that exist in the tree', () => {
    expect(missingManifests(ROOT, scenario)).toEqual([]);
    for (const args of [...scenario.start, ...scenario.reset]) {
      const file = args[args.indexOf('-f') + 1];
      if (args.includes('-f')) expect(scenario.manifests).toContain(file);
    }
  });

  it('has kubectl verbs for start, verify and reset, and hints ending in the fix', () => {
    const verbs = ['apply', 'delete', 'wait', 'get', 'logs'];
    for (const args of [...scenario.start, ...scenario.reset, ...scenario.verify.map((c) => c.args)]) {
      expect(verbs).toContain(args[0]);
    }
    expect(scenario.verify.length).toBeGreaterThan(0);
    expect(scenario.hints.length).toBeGreaterThanOrEqual(3);
  });
});

it('applies the chaos experiments the generator emits, by kind and name', () => {
  const applied = scenarios.flatMap((s) => s.manifests).filter((f) => f.startsWith('platform/chaos/'));
  const text = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  expect(applied).toHaveLength(3);
  for (const file of applied) {
    const [kind, ...name] = path.basename(file, '.yaml').split('-');
    expect(text(file).toLowerCase()).toContain(`kind: ${kind}`);
    expect(text(file)).toContain(`name: ${name.join('-')}`);
  }
});

it('pins the kube-bench image the typed config pins', () => {
  const config = fs.readFileSync(path.join(ROOT, 'generator/src/config/lab.config.ts'), 'utf8');
  const pinned = /kubeBench: \{ repository: '([^']+)', tag: '([^']+)' \}/.exec(config)!;
  const job = fs.readFileSync(path.join(ROOT, 'lab/manifests/kube-bench-job.yaml'), 'utf8');
  expect(job).toContain(`image: ${pinned[1]}:${pinned[2]}`);
});

it('verify of network-policy names every generated backend policy missing from the cluster', () => {
  const scenario = scenarios.find((s) => s.id === 'network-policy')!;
  const cluster = { items: [{ metadata: { name: 'catalog' } }, { metadata: { name: 'order' } }] };
  expect(scenario.verify[0]!.evaluate(JSON.stringify(cluster))).toEqual([
    'NetworkPolicy default-deny is missing in backend',
    'NetworkPolicy main is missing in backend',
  ]);
});

it('verify of hpa-load passes only once an HPA is above its minimum', () => {
  const check = scenarios.find((s) => s.id === 'hpa-load')!.verify[0]!;
  const hpa = (current: number) => ({
    items: [{ metadata: { name: 'order' }, spec: { minReplicas: 3 }, status: { currentReplicas: current } }],
  });
  expect(check.evaluate(JSON.stringify(hpa(3)))).toEqual([
    'no HPA in backend scaled out yet (1 at their minimum)',
  ]);
  expect(check.evaluate(JSON.stringify(hpa(5)))).toEqual([]);
});

it('verify of a chaos scenario fails while the experiment runs or a rollout is degraded', () => {
  const [experiment, rollouts] = scenarios.find((s) => s.id === 'pod-failure')!.verify;
  const running = { items: [{ metadata: { name: 'backend-pod-failure' } }] };
  expect(experiment!.evaluate(JSON.stringify(running))).toEqual([
    'podchaos backend-pod-failure is still running in namespace chaos',
  ]);
  expect(experiment!.evaluate(JSON.stringify({ items: [] }))).toEqual([]);
  const degraded = {
    items: [
      { metadata: { name: 'order' }, status: { phase: 'Degraded', replicas: 3, availableReplicas: 2 } },
    ],
  };
  expect(rollouts!.evaluate(JSON.stringify(degraded))).toEqual(['rollout order: Degraded (2/3 available)']);
});

it('reads the kube-bench score from its JSON report', () => {
  const report = (fail: number) =>
    JSON.stringify({ Totals: { total_pass: 40, total_fail: fail, total_warn: 7 } });
  expect(kubeBenchProblems(report(3))).toEqual(['kube-bench: 40 pass / 3 fail / 7 warn']);
  expect(kubeBenchProblems(report(0))).toEqual([]);
  expect(kubeBenchProblems('Error from server (NotFound)')).toEqual([
    'kube-bench output is not JSON (did the Job finish?)',
  ]);
});

it('prints commands a shell can paste', () => {
  expect(showCommand(['wait', '--for=condition=complete', 'job/kube-bench'])).toBe(
    'kubectl wait --for=condition=complete job/kube-bench',
  );
  expect(showCommand(['get', 'pods', '-l', 'app in (a, b)'])).toBe("kubectl get pods -l 'app in (a, b)'");
});

it('refuses to run without a cluster, saying what is missing', async () => {
  const scenario = scenarios.find((s) => s.id === 'pod-failure')!;
  const err: string[] = [];
  const io = { out: () => undefined, err: (l: string) => err.push(l) };
  expect(await runCluster('start', scenario, ROOT, io, 'kubectl-not-installed')).toBe(2);
  expect(err.join('\n')).toMatch(/pod-failure needs the lab cluster: kubectl not found/);
});
