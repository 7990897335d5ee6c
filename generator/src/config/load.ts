import { labConfigSchema, type LabConfig, type LabConfigInput, type Profile } from './schema';

/** A config that failed validation; the message names every bad field by its path. */
export class LabConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid lab config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LabConfigError';
  }
}

/** The validated config plus the selected profile, which is what every component reads. */
export interface ResolvedConfig extends LabConfig {
  readonly selected: Profile;
}

export function resolveConfig(input: LabConfigInput | unknown): ResolvedConfig {
  const parsed = labConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new LabConfigError(
      parsed.error.issues.map(
        (issue) => `${['config', ...issue.path.map(String)].join('.')}: ${issue.message}`,
      ),
    );
  }
  return { ...parsed.data, selected: parsed.data.profiles[parsed.data.profile] };
}
