import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labConfig } from '../src/config/lab.config';
import { LabConfigError, resolveConfig } from '../src/config/load';
import type { LabConfigInput } from '../src/config/schema';
import { GENERATED_HEADER } from '../src/core/files';
import { describeDiff, diffTree, writeTree } from '../src/core/tree';
import { generateTree } from '../src/generate';
import { REPO_ROOT } from './gate/paths';
import { tempDir } from './gate/promtool';

// JSON copy: the config shares size objects between services, which structuredClone would keep shared.
const config = (): LabConfigInput => JSON.parse(JSON.stringify(labConfig)) as LabConfigInput;

describe('npm run generate', () => {
  it('matches the committed tree byte for byte', () => {
    expect(describeDiff(diffTree(REPO_ROOT, generateTree(labConfig)))).toEqual([]);
  });

  it('is deterministic and marks every file as generated', () => {
    const first = generateTree(config());
    expect(generateTree(config())).toEqual(first);
    expect(first.map((f) => f.path)).toEqual([...first.map((f) => f.path)].sort());
    expect(first.filter((f) => !f.content.startsWith(GENERATED_HEADER)).map((f) => f.path)).toEqual([]);
  });

  it('writes one resource per file and no remote bases', () => {
    for (const file of generateTree(config())) {
      if (!file.path.endsWith('.yaml')) continue;
      expect([file.path, file.content.split(/^---$/m).length]).toEqual([file.path, 1]);
      expect([file.path, /\?ref=|^\s*-\s*https?:\/\//m.test(file.content)]).toEqual([file.path, false]);
    }
  });

  it('--check lists changed, missing and stale files and writes nothing', () => {
    const root = tempDir('gen-check-');
    const files = generateTree(config());
    writeTree(root, files);
    expect(describeDiff(diffTree(root, files))).toEqual([]);
    writeFileSync(join(root, 'apps/main/base/rollout-main.yaml'), 'edited\n');
    mkdirSync(join(root, 'apps/old'), { recursive: true });
    writeFileSync(join(root, 'apps/old/leftover.yaml'), 'x: 1\n');
    rmSync(join(root, 'rollouts/analysis/kustomization.yaml'));
    const cli = spawnSync(
      'npx',
      ['tsx', '--tsconfig', 'generator/tsconfig.json', 'generator/src/cli.ts', '--check', '--out', root],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('changed: apps/main/base/rollout-main.yaml');
    expect(cli.stderr).toContain('missing: rollouts/analysis/kustomization.yaml');
    expect(cli.stderr).toContain('stale:   apps/old/leftover.yaml');
    expect(readFileSync(join(root, 'apps/main/base/rollout-main.yaml'), 'utf8')).toBe('edited\n');
    // a real run repairs all three, including removing the stale file and its folder
    writeTree(root, files);
    expect(describeDiff(diffTree(root, files))).toEqual([]);
    expect(existsSync(join(root, 'apps/old'))).toBe(false);
  });

  it('puts the ALB on HTTPS with a redirect only when a certificate is configured', () => {
    const ingress = (input: LabConfigInput) =>
      generateTree(input).find((f) => f.path === 'apps/main/base/ingress-main.yaml')!.content;
    expect(ingress(config())).toContain(`listen-ports: '[{"HTTP": 80}]'`);
    expect(ingress(config())).not.toContain('certificate-arn');
    const arn = 'arn:aws:acm:ap-northeast-2:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const secure = ingress({ ...config(), tlsCertificateArn: arn });
    expect(secure).toContain(`listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'`);
    expect(secure).toContain(`certificate-arn: ${arn}`);
    expect(secure).toContain('ssl-redirect: "443"');
    expect(() => resolveConfig({ ...config(), tlsCertificateArn: 'arn:aws:iam::1:cert/x' })).toThrow(
      /tlsCertificateArn: must be an ACM certificate ARN/,
    );
  });

  it('changing one replica count changes exactly the overlay line', () => {
    const before = tempDir('gen-before-');
    const after = tempDir('gen-after-');
    writeTree(before, generateTree(config()));
    const changed = config();
    changed.profiles['production-like'].workloads.catalog.replicas = 4;
    writeTree(after, generateTree(changed));
    const diff = spawnSync('git', ['diff', '--no-index', '--unified=0', '--no-color', before, after], {
      encoding: 'utf8',
    });
    const lines = diff.stdout.split('\n').filter((l) => /^[-+](?![-+]{2})/.test(l));
    expect(diff.stdout.match(/^\+\+\+ .*$/gm)!.map((l) => l.slice(l.indexOf('/apps/')))).toEqual([
      '/apps/catalog/overlays/lab/kustomization.yaml',
    ]);
    expect(lines).toEqual(['-    count: 3', '+    count: 4']);
  });
});

describe('the lab config', () => {
  it('selects the profile the config names', () => {
    expect(resolveConfig(config()).selected.workloads.catalog.replicas).toBe(3);
    expect(resolveConfig({ ...config(), profile: 'budget' }).selected.infra.natGateways).toBe('single');
  });

  it('names every invalid field in its error', () => {
    const bad = config() as unknown as Record<string, Record<string, unknown>>;
    bad['aws']!['region'] = 'Seoul';
    (bad['services'] as unknown as { main: { tag: string } }).main.tag = 'latest';
    bad['slo']!['latencyP95Ms'] = -1;
    let error: unknown;
    try {
      resolveConfig(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabConfigError);
    expect((error as LabConfigError).problems).toEqual([
      'config.aws.region: must be an AWS region such as ap-northeast-2',
      'config.services.main.tag: must be a pinned tag, not "latest"',
      'config.slo.latencyP95Ms: Too small: expected number to be >0',
    ]);
  });

  it('rejects unknown keys and inconsistent replica bounds', () => {
    const typo = { ...config(), replicass: 2 };
    expect(() => resolveConfig(typo)).toThrow(/config: Unrecognized key: "replicass"/);
    const c = config();
    c.profiles.budget.workloads.order = { ...c.profiles.budget.workloads.order, replicas: 9 };
    expect(() => resolveConfig(c)).toThrow(
      /config\.profiles\.budget\.workloads\.order\.replicas: must satisfy minReplicas <= replicas <= maxReplicas/,
    );
  });
});
