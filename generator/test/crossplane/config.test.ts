import { labConfig } from '../../src/config/lab.config';
import { LabConfigError, resolveConfig } from '../../src/config/load';
import type { LabConfigInput } from '../../src/config/schema';

// The AWS/management part of the config refuses what AWS or the lab cannot do, naming the field.

type Mutable = Record<string, unknown> & {
  management: { kubernetesVersion: string; labs: { id: string }[] };
  profiles: Record<string, { infra: { rds: { instanceClass: string; performanceInsights: boolean } } }>;
};
const copy = (): Mutable => JSON.parse(JSON.stringify(labConfig)) as Mutable;
const problems = (input: Mutable): string[] => {
  try {
    resolveConfig(input as unknown as LabConfigInput);
    return [];
  } catch (error) {
    if (error instanceof LabConfigError) return error.problems;
    throw error;
  }
};

describe('management / AWS config rules', () => {
  it('accepts the committed config', () => {
    expect(problems(copy())).toEqual([]);
  });

  it('refuses Performance Insights on a class that does not support it, and allows it on a larger one', () => {
    const config = copy();
    config.profiles['production-like']!.infra.rds.performanceInsights = true;
    expect(problems(config)).toEqual([
      'config.profiles.production-like.infra.rds.performanceInsights: Performance Insights is not available on db.t3.micro; set performanceInsights: false or use db.t3.medium or larger',
    ]);
    config.profiles['production-like']!.infra.rds.instanceClass = 'db.t3.medium';
    expect(problems(config)).toEqual([]);
  });

  it('refuses an EKS version below 1.28 and duplicate lab ids', () => {
    const old = copy();
    old.management.kubernetesVersion = '1.27';
    expect(problems(old)).toEqual([
      'config.management.kubernetesVersion: must be 1.28 or newer (older versions left AWS support)',
    ]);
    const twice = copy();
    twice.management.labs = [...twice.management.labs, ...twice.management.labs];
    expect(problems(twice)).toEqual(['config.management.labs: lab ids must be unique']);
  });
});
