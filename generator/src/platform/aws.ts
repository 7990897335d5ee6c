import type { ResolvedConfig } from '../config/load';

/**
 * IAM role (IRSA) of a platform tool: `<lab>-<tool>`, the same naming as the apps' roles. The roles and
 * their policies are created with the cluster (Crossplane); docs/platform.md lists what each needs.
 */
export const platformRoleArn = (config: ResolvedConfig, tool: string): string =>
  `arn:aws:iam::${config.aws.accountId}:role/${config.name}-${tool}`;

export const irsa = (config: ResolvedConfig, tool: string): Record<string, string> => ({
  'eks.amazonaws.com/role-arn': platformRoleArn(config, tool),
});

export const image = (ref: { repository: string; tag: string }): string => `${ref.repository}:${ref.tag}`;
