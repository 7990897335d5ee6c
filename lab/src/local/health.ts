// The objective check behind `verify` for every local scenario: readiness of each service, the SLO
// measured with real requests through the gateway, and the gateway's circuit breakers.
import { Client } from 'pg';
import { SLO } from '../slo/objectives';
import { probe, sloProblems, type ProbeResult, type ProbeTarget } from '../slo/probe';
import { SERVICES } from './operations';

/** What a shopper does: browse the catalogue and look an order up (a missing one answers 404). */
export const PROBE_TARGETS: ProbeTarget[] = [
  { path: '/api/products' },
  { path: '/api/products/1' },
  { path: '/api/categories' },
  { path: '/api/orders/987654321', okStatuses: [404] },
];

export interface HealthUrls {
  main: string;
  catalog: string;
  order: string;
  /** Any database on the stack's PostgreSQL server (connections are counted server-wide). */
  databases: { order: string };
}

export interface HealthReport {
  ok: boolean;
  problems: string[];
  probe?: ProbeResult;
}

interface Readiness {
  status?: string;
  detail?: string;
  checks?: Record<string, { status?: string; error?: string }>;
}

async function serviceReadiness(name: string, url: string): Promise<string[]> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3_000) });
    const body = (await res.json()) as Readiness;
    if (res.status !== 200) return [`${name} not ready (${res.status}): ${body.detail ?? 'no detail'}`];
    const degraded = Object.entries(body.checks ?? {}).filter(([, check]) => check.status !== 'up');
    return degraded.map(
      ([dep, check]) => `${name} readiness: ${dep} ${check.status}${check.error ? ` (${check.error})` : ''}`,
    );
  } catch (error) {
    return [`${name} does not answer /readyz: ${error instanceof Error ? error.message : String(error)}`];
  }
}

async function breakerProblems(mainUrl: string): Promise<string[]> {
  try {
    const res = await fetch(`${mainUrl}/api/status`, { signal: AbortSignal.timeout(3_000) });
    const body = (await res.json()) as { breakers?: Record<string, { state?: string } | string> };
    return Object.entries(body.breakers ?? {})
      .map(([name, snapshot]) => [name, typeof snapshot === 'string' ? snapshot : snapshot.state] as const)
      .filter(([, state]) => state !== 'closed')
      .map(([name, state]) => `gateway circuit breaker for ${name} is ${state}`);
  } catch (error) {
    return [`gateway /api/status unavailable: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Every service answers /readyz 200 with each dependency up (degraded counts as a problem). */
export async function readinessProblems(urls: HealthUrls): Promise<string[]> {
  return (await Promise.all(SERVICES.map((name) => serviceReadiness(name, urls[name])))).flat();
}

/** The seed's database SLI: connections in use < 80 % of max_connections. */
async function connectionProblems(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ used: string; max: string }>(
      "SELECT count(*) AS used, current_setting('max_connections') AS max FROM pg_stat_activity WHERE backend_type = 'client backend'",
    );
    const used = Number(rows[0]!.used);
    const max = Number(rows[0]!.max);
    const share = used / max;
    return share < SLO.dbConnectionShare
      ? []
      : [
          `PostgreSQL connections ${used}/${max} (${Math.round(share * 100)} %) ≥ ${SLO.dbConnectionShare * 100} %`,
        ];
  } catch (error) {
    return [`PostgreSQL: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkHealth(urls: HealthUrls): Promise<HealthReport> {
  const readiness = await readinessProblems(urls);
  const result = await probe(urls.main, PROBE_TARGETS);
  const problems = [
    ...readiness,
    ...sloProblems(result),
    ...(await breakerProblems(urls.main)),
    ...(await connectionProblems(urls.databases.order)),
  ];
  return { ok: problems.length === 0, problems, probe: result };
}
