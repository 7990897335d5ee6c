// The objective check behind `verify` for every local scenario: readiness of each service, the SLO
// measured with real requests through the gateway, and the gateway's circuit breakers.
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

export async function checkHealth(urls: HealthUrls): Promise<HealthReport> {
  const readiness = await readinessProblems(urls);
  const result = await probe(urls.main, PROBE_TARGETS);
  const problems = [...readiness, ...sloProblems(result), ...(await breakerProblems(urls.main))];
  return { ok: problems.length === 0, problems, probe: result };
}
