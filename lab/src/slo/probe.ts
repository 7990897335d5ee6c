// Real requests against the local stack, bounded in count and time: the objective half of `verify`.
import { percentile, SLO } from './objectives';

export interface ProbeTarget {
  /** Path under the gateway, e.g. /api/products. */
  path: string;
  /** Statuses that count as success besides 2xx (a lookup of a missing order answers 404). */
  okStatuses?: number[];
}

export interface ProbeResult {
  requests: number;
  errors: number;
  p95Ms: number;
  /** One line per distinct failure, e.g. "GET /api/orders/1: 503 (12x)". */
  failures: string[];
}

export interface ProbeOptions {
  requests?: number;
  concurrency?: number;
  timeoutMs?: number;
}

/** One request; a timeout or connection error is an error with its message. */
export async function timedGet(
  url: string,
  timeoutMs: number,
): Promise<{ ok: boolean; status?: number; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return { ok: true, status: res.status, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : String(error);
    return { ok: false, ms: performance.now() - started, error: message };
  }
}

export async function probe(
  baseUrl: string,
  targets: ProbeTarget[],
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const { requests = 40, concurrency = 4, timeoutMs = 2_000 } = options;
  const durations: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < requests) {
      const target = targets[next++ % targets.length]!;
      const answer = await timedGet(`${baseUrl}${target.path}`, timeoutMs);
      durations.push(answer.ms);
      const good =
        answer.status !== undefined &&
        (answer.status < 400 || (target.okStatuses ?? []).includes(answer.status));
      if (!good) {
        errors++;
        const key = `GET ${target.path}: ${answer.status ?? answer.error}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    requests,
    errors,
    p95Ms: Math.round(percentile(durations, 95)),
    failures: [...failures].map(([key, count]) => `${key} (${count}x)`),
  };
}

/** Problems with a probe result against the SLO; empty when it holds. */
export function sloProblems(result: ProbeResult): string[] {
  const problems: string[] = [];
  const rate = result.errors / result.requests;
  if (rate >= SLO.errorRate) {
    problems.push(
      `error rate ${(rate * 100).toFixed(1)} % (${result.errors}/${result.requests}) ≥ ${SLO.errorRate * 100} %: ${result.failures.join('; ')}`,
    );
  }
  if (result.p95Ms >= SLO.p95Ms) problems.push(`p95 ${result.p95Ms} ms ≥ ${SLO.p95Ms} ms`);
  return problems;
}
