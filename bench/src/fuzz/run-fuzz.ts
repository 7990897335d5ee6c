import fc from 'fast-check';
import { send, type FuzzRequest } from '../http/send';
import { verdict } from './verdict';

export interface FuzzEndpoint {
  service: string;
  name: string;
  baseUrl: string;
  requests: fc.Arbitrary<FuzzRequest>;
  /** Input invalid by construction: must be 4xx (lenient endpoints may also answer 2xx). */
  strict: boolean;
}

export interface EndpointReport {
  service: string;
  name: string;
  runs: number;
  statuses: Record<string, number>;
  failures: number;
  /** First failure, shrunk by fast-check to a minimal request when possible. */
  counterexample?: { request: FuzzRequest; problem: string };
}

async function check(e: FuzzEndpoint, r: FuzzRequest): Promise<{ status: number; problem?: string }> {
  try {
    const res = await send(e.baseUrl, r);
    return { status: res.status, problem: verdict(res, e.strict) };
  } catch (err) {
    return { status: 0, problem: `transport error: ${(err as Error).message}` };
  }
}

/** Runs `runs` generated requests (seeded) `concurrency` at a time; shrinks the first failure. */
export async function fuzzEndpoint(
  e: FuzzEndpoint,
  o: { runs: number; seed: number; concurrency: number },
): Promise<EndpointReport> {
  const samples = fc.sample(e.requests, { seed: o.seed, numRuns: o.runs });
  const statuses: Record<string, number> = {};
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < samples.length) {
      const r = samples[next++]!;
      const { status, problem } = await check(e, r);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (problem) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const report: EndpointReport = {
    service: e.service,
    name: e.name,
    runs: samples.length,
    statuses,
    failures,
  };
  if (failures > 0) report.counterexample = await shrink(e, o.seed);
  return report;
}

async function shrink(e: FuzzEndpoint, seed: number): Promise<EndpointReport['counterexample']> {
  let last: { request: FuzzRequest; problem: string } | undefined;
  await fc.check(
    fc.asyncProperty(e.requests, async (r) => {
      const { problem } = await check(e, r);
      if (problem) last = { request: r, problem };
      return problem === undefined;
    }),
    { seed, numRuns: 2_000, endOnFailure: false, interruptAfterTimeLimit: 20_000 },
  );
  return last;
}

/** After the storm: every service must still answer its liveness probe. */
export async function stillAlive(healthUrls: string[]): Promise<string[]> {
  const dead: string[] = [];
  for (const url of healthUrls) {
    const u = new URL(url);
    const res = await send(u.origin, { method: 'GET', path: u.pathname }).catch(() => undefined);
    if (res?.status !== 200) dead.push(url);
  }
  return dead;
}
