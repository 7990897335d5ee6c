import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { labConfig } from '../src/config/lab.config';
import { resolveConfig } from '../src/config/load';
import { falcoValues } from '../src/platform/security/falco';
import { labFalcoRules } from '../src/platform/security/falco-rules';
import { REPO_ROOT } from './gate/paths';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '../src/platform/security/bench-score.js');

const pod = (name: string, spec: object) => ({ metadata: { name }, spec });
const hardened = {
  automountServiceAccountToken: false,
  securityContext: { runAsNonRoot: true },
  containers: [
    { name: 'app', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } },
  ],
};

/** Runs bench-score.js on fixture files as the CronJob would (API answers replaced by files). */
async function benchScore(namespaces: Record<string, { pods: object[]; policies: object[] }>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-score-'));
  for (const [ns, { pods, policies }] of Object.entries(namespaces)) {
    writeFileSync(join(dir, `${ns}-pods.json`), JSON.stringify({ items: pods }));
    writeFileSync(join(dir, `${ns}-networkpolicies.json`), JSON.stringify({ items: policies }));
  }
  const totals = { total_pass: 40, total_fail: 12, total_warn: 30, total_info: 0 };
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ Controls: [], Totals: totals }));
  const env = {
    ...process.env,
    FIXTURE_DIR: dir,
    NAMESPACES: Object.keys(namespaces).join(','),
    REPORT: join(dir, 'report.json'),
    OUT: join(dir, 'score.json'),
  };
  const { stdout } = await run('node', [SCRIPT], { env });
  return {
    stdout,
    result: JSON.parse(readFileSync(join(dir, 'score.json'), 'utf8')) as Record<string, unknown>,
  };
}

describe('kube-bench namespace-scoped score (bench-score.js)', () => {
  it('scores 100 % for hardened pods in a namespace with NetworkPolicies and keeps the raw totals', async () => {
    const { stdout, result } = await benchScore({
      backend: { pods: [pod('order-1', hardened)], policies: [{}] },
    });
    expect(result['scorePercent']).toBe(100);
    expect(result['raw']).toEqual({ total_pass: 40, total_fail: 12, total_warn: 30, total_info: 0 });
    expect(stdout).toContain('app namespaces score: 100%');
  });

  it('fails the checks a system-style pod breaks, and 4.3.2 for a namespace without policies', async () => {
    const daemon = pod('agent', {
      hostPID: true,
      hostNetwork: true,
      containers: [
        { name: 'agent', securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } } },
      ],
    });
    const { result } = await benchScore({
      backend: { pods: [pod('order-1', hardened)], policies: [{}] },
      frontend: { pods: [daemon], policies: [] },
    });
    const frontend = (result['namespaces'] as { namespace: string; failed: { id: string }[] }[]).find(
      (n) => n.namespace === 'frontend',
    )!;
    expect(frontend.failed.map((f) => f.id).sort()).toEqual(
      ['4.1.6', '4.2.1', '4.2.2', '4.2.4', '4.2.5', '4.2.6', '4.2.7', '4.2.8', '4.3.2'].sort(),
    );
    // backend: 9 checks pass + 4.3.2; frontend: only 4.2.3 (no hostIPC) passes of 10
    expect(result['scorePercent']).toBe(55);
  });

  it('runs in the CronJob: kube-bench EKS JSON, then the score, then the upload to the reports bucket', () => {
    const cron = parse(
      readFileSync(join(REPO_ROOT, 'platform/security/policies/cronjob-security-kube-bench.yaml'), 'utf8'),
    ) as { spec: { jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } } };
    const spec = cron.spec.jobTemplate.spec.template.spec as {
      initContainers: { name: string; args?: string[] }[];
      containers: { args: string[] }[];
    };
    expect(spec.initContainers.map((c) => c.name)).toEqual(['kube-bench', 'namespace-score']);
    expect(spec.initContainers[0]!.args).toEqual(
      expect.arrayContaining(['--benchmark', 'eks-1.5.0', '--json']),
    );
    expect(spec.containers[0]!.args[0]).toContain(`s3://${labConfig.platform.reports.bucket}/`);
  });
});

describe('Falco', () => {
  const values = falcoValues(resolveConfig(labConfig)) as {
    driver: { kind: string };
    falco: { rules_files: string[] };
    customRules: Record<string, string>;
    falcosidekick: {
      enabled: boolean;
      config: { existingSecret: string; aws: { cloudwatchlogs: { loggroup: string } } };
    };
  };

  it('uses the modern eBPF probe, loads the incubating rules before ours and sends alerts via sidekick', () => {
    expect(values.driver.kind).toBe('modern_ebpf');
    const files = values.falco.rules_files;
    expect(files.indexOf('/etc/falco/falco-incubating_rules.yaml')).toBeGreaterThan(-1);
    expect(files.indexOf('/etc/falco/falco-incubating_rules.yaml')).toBeLessThan(
      files.indexOf('/etc/falco/rules.d'),
    );
    expect(values.falcosidekick.enabled).toBe(true);
    expect(values.falcosidekick.config.existingSecret).toBe('falcosidekick-slack');
    expect(values.falcosidekick.config.aws.cloudwatchlogs.loggroup).toBe(
      `/aws/eks/${labConfig.cluster.name}/security`,
    );
  });

  it('ships our four rules and enables the incubating privileged-container rule', () => {
    const rules = parse(values.customRules['lab-rules.yaml']!) as { rule?: string; enabled?: boolean }[];
    expect(rules).toEqual(labFalcoRules());
    expect(rules.filter((r) => r.rule?.startsWith('Lab ')).map((r) => r.rule)).toEqual([
      'Lab Shell In Service Container',
      'Lab Write Below Etc In Container',
      'Lab Unexpected Outbound From Data Services',
      'Lab Package Manager In Container',
    ]);
    expect(rules.find((r) => r.rule === 'Launch Privileged Container')).toMatchObject({ enabled: true });
  });
});
