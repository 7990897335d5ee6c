// compose.yaml cannot run here (no Docker engine), so it is checked against what it must agree with: each
// image's Dockerfile (port, entry point), each service's real config schema (every variable known and every
// value valid), the probes the kit serves, the nginx template's variables and the databases the init script
// creates.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '@eks-sre-lab/harness';
import { defaultPorts, kitEndpoints, serviceNodeFlags } from '@eks-sre-lab/kit';

const REPO = repoRoot(__dirname);
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(read('compose.yaml')) as { services: Record<string, ComposeService> };
const NODE_SERVICES = ['catalog', 'order', 'main'] as const;

// The config schema each service parses its environment with, from its compiled output.
const SCHEMAS: Record<(typeof NODE_SERVICES)[number], [file: string, exportName: string]> = {
  catalog: ['services/catalog/dist/src/config.js', 'catalogConfigSchema'],
  order: ['services/order/dist/src/config.js', 'configSchema'],
  main: ['services/main/dist/src/config.js', 'configSchema'],
};

interface ConfigSchema {
  shape: Record<string, unknown>;
  safeParse(input: unknown): { success: boolean; error?: { issues: unknown[] } };
}

async function loadSchema(name: (typeof NODE_SERVICES)[number]): Promise<ConfigSchema> {
  const [file, exportName] = SCHEMAS[name];
  return ((await import(path.join(REPO, file))) as Record<string, ConfigSchema>)[exportName]!;
}

// Read by Node or the AWS SDK's default credential chain rather than by the services' config.
const RUNTIME_VARIABLES = ['NODE_ENV', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

/** EXPOSE, ENV and the exec-form CMD of a Dockerfile (the last stage's lines win, as in the image). */
function dockerfile(file: string): { expose: number; env: Record<string, string>; cmd?: string[] } {
  const text = read(file);
  const expose = Number([...text.matchAll(/^EXPOSE (\d+)/gm)].at(-1)?.[1]);
  const env = Object.fromEntries([...text.matchAll(/^ENV (\w+)=(\S+)/gm)].map((m) => [m[1]!, m[2]!]));
  const cmdLine = [...text.matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
  const cmd = cmdLine === undefined ? undefined : (JSON.parse(cmdLine) as string[]);
  return { expose, env, cmd };
}

describe('compose.yaml', () => {
  it('builds every image from a Dockerfile that exists, with the repository root as context', () => {
    for (const name of [...NODE_SERVICES, 'frontend']) {
      const build = compose.services[name]?.build;
      expect(build).toEqual({ context: '.', dockerfile: `services/${name}/Dockerfile` });
      expect(fs.existsSync(path.join(REPO, build!.dockerfile))).toBe(true);
    }
  });

  it.each(NODE_SERVICES)('%s: port, entry point and readiness probe agree with its Dockerfile', (name) => {
    const service = compose.services[name]!;
    const image = dockerfile(`services/${name}/Dockerfile`);
    expect(image.expose).toBe(defaultPorts.http);
    expect(service.environment?.PORT).toBe(String(image.expose));
    // The same node flags as the local stack starts the service with (bench and chaos measure those).
    const entry = `services/${name}/dist/src/server.js`;
    expect(image.cmd).toEqual(['node', ...serviceNodeFlags, entry]);
    expect(fs.existsSync(path.join(REPO, entry))).toBe(true); // what the build stage compiles
    const probe = service.healthcheck!.test.join(' ');
    expect(probe).toContain(`127.0.0.1:${image.expose}${kitEndpoints.readyz}`);
  });

  it.each(NODE_SERVICES)('%s: every variable is one its config knows, and the values parse', async (name) => {
    const schema = await loadSchema(name);
    const env = { ...dockerfile(`services/${name}/Dockerfile`).env, ...compose.services[name]!.environment };
    const unknown = Object.keys(env).filter(
      (key) => !RUNTIME_VARIABLES.includes(key) && !(key in schema.shape),
    );
    expect(unknown).toEqual([]); // a misspelt variable would be silently ignored by the service
    const parsed = schema.safeParse(env);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('points each service at hosts and databases that compose provides', () => {
    const initSql = read('services/stack/compose/postgres-init.sql');
    const postgres = compose.services.postgres!.environment!;
    for (const name of ['catalog', 'order'] as const) {
      const url = new URL(compose.services[name]!.environment!.DATABASE_URL!);
      expect(url.hostname).toBe('postgres');
      expect(`${url.username}:${url.password}`).toBe(
        `${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}`,
      );
      expect(initSql).toContain(`CREATE DATABASE ${url.pathname.slice(1)};`);
    }
    const main = compose.services.main!.environment!;
    for (const key of ['CATALOG_URL', 'ORDER_URL', 'REDIS_URL', 'S3_ENDPOINT'] as const) {
      expect(Object.keys(compose.services)).toContain(new URL(main[key]!).hostname);
    }
    expect(new URL(main.CATALOG_URL!).port).toBe(compose.services.catalog!.environment!.PORT);
    expect(new URL(main.ORDER_URL!).port).toBe(compose.services.order!.environment!.PORT);
    expect(main.AWS_ACCESS_KEY_ID).toBe(compose.services.minio!.environment!.MINIO_ROOT_USER);
    expect(compose.services['minio-bucket']!.healthcheck).toBeUndefined(); // a one-shot job
    expect(JSON.stringify(compose.services['minio-bucket'])).toContain(`local/${main.S3_BUCKET}`);
  });

  it('frontend: fills the nginx template, publishes the port nginx listens on, waits for a ready gateway', () => {
    const frontend = compose.services.frontend!;
    const template = read('services/frontend/nginx/default.conf.template');
    const variables = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) expect(frontend.environment).toHaveProperty(variable);
    const listen = Number(/^\s*listen (\d+);/m.exec(template)?.[1]);
    expect(dockerfile('services/frontend/Dockerfile').expose).toBe(listen);
    expect(frontend.ports).toEqual([`${listen}:${listen}`]);
    expect(frontend.environment!.API_UPSTREAM).toBe(`main:${compose.services.main!.environment!.PORT}`);
    expect(frontend.depends_on?.main).toEqual({ condition: 'service_healthy' });
  });

  it('starts nothing before what it needs is healthy (or, for a one-shot job, done)', () => {
    const edges = Object.entries(compose.services).flatMap(([name, service]) =>
      Object.entries(service.depends_on ?? {}).map(([dependency, { condition }]) => ({
        name,
        dependency,
        condition,
      })),
    );
    expect(edges.length).toBeGreaterThanOrEqual(8);
    for (const { name, dependency, condition } of edges) {
      const target = compose.services[dependency];
      expect(target).toBeDefined();
      if (condition === 'service_healthy') expect(target!.healthcheck?.test.length).toBeGreaterThan(0);
      else
        expect(`${name} → ${dependency}: ${condition}`).toBe(
          `${name} → minio-bucket: service_completed_successfully`,
        );
    }
  });
});
