// Stack options from code, environment and flags, validated once with zod.
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

export const stackOptionsSchema = z.object({
  /** The web server's listen address; loopback by default (the services always listen on loopback). */
  host: z.string().min(1).default('127.0.0.1'),
  /** The browser-facing port (static files + /api proxy); 0 = a free port. */
  port: port.default(3000),
  /** Ports of the services; 0 = a free port each. */
  mainPort: port.default(0),
  catalogPort: port.default(0),
  orderPort: port.default(0),
  /** Use an existing PostgreSQL server instead of a throwaway one (databases are created on it). */
  databaseUrl: z.url().optional(),
  /** Use an existing Redis instead of a throwaway one. */
  redisUrl: z.url().optional(),
  /** Load the sample catalogue. */
  seed: z.boolean().default(true),
  /** The gateway's breaker reset; the e2e suite shortens it. */
  breakerResetMs: z.coerce.number().int().min(100).default(30_000),
  /** Where the built frontend lives. */
  webRoot: z.string().min(1).optional(),
  /** Extra environment per service, e.g. { main: { LOG_LEVEL: 'debug' } }. */
  env: z.partialRecord(z.enum(['catalog', 'order', 'main']), z.record(z.string(), z.string())).default({}),
  /** Serve the built frontend; bench, chaos and fuzz runs need only the services (and no frontend build). */
  web: z.boolean().default(true),
  /** Forward service logs to this process's stderr. */
  verbose: z.boolean().default(false),
});

export type StackOptions = z.input<typeof stackOptionsSchema>;
export type ResolvedStackOptions = z.output<typeof stackOptionsSchema>;

/** Reads STACK_* / DATABASE_URL / REDIS_URL variables (flags override them in the CLI). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): StackOptions {
  const pick = <T>(value: T | undefined) => (value === undefined || value === '' ? undefined : value);
  return {
    host: pick(env.STACK_HOST),
    port: pick(env.PORT ?? env.STACK_PORT) as unknown as number, // coerced by the schema
    mainPort: pick(env.STACK_MAIN_PORT) as unknown as number,
    catalogPort: pick(env.STACK_CATALOG_PORT) as unknown as number,
    orderPort: pick(env.STACK_ORDER_PORT) as unknown as number,
    databaseUrl: pick(env.DATABASE_URL),
    redisUrl: pick(env.REDIS_URL),
    seed: env.STACK_SEED === undefined ? undefined : env.STACK_SEED !== 'false',
    verbose: env.STACK_VERBOSE === 'true' ? true : undefined,
  };
}
