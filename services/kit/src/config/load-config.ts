import type { z } from 'zod';

/** Thrown by `parseConfig`: one human-readable line per bad or missing variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function describe(issue: z.core.$ZodIssue, env: Env): string {
  const name = issue.path.map(String).join('.') || '(environment)';
  if (issue.path.length === 1 && env[name] === undefined) return `${name}: missing (required)`;
  return `${name}: ${issue.message}`;
}

/** Parses the environment; throws `ConfigError` listing every problem. Empty strings count as unset. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) if (value !== '') cleaned[key] = value;
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describe(issue, cleaned)));
}

/** Like `parseConfig`, but prints one line per problem to stderr and exits 1: for service start-up. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.problems) process.stderr.write(`config error: ${line}\n`);
    process.exit(1);
  }
}
