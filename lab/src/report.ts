// How a verify (or reset) result reads on the terminal.
import { SLO } from './slo/objectives';
import type { VerifyResult } from './local/runner';

export function formatVerify(
  result: Partial<VerifyResult> & { ok: boolean; problems: string[] },
  label: string,
) {
  const out: string[] = [];
  const err: string[] = [];
  const probe = result.probe;
  const measured = probe
    ? `${probe.requests} requests, ${probe.errors} errors, p95 ${probe.p95Ms} ms (SLO: errors < ${SLO.errorRate * 100} %, p95 < ${SLO.p95Ms} ms)`
    : 'no requests measured';
  if (!result.ok) {
    err.push(`✗ ${label}: the SLO does not hold yet (${measured})`);
    for (const problem of result.problems) err.push(`  - ${problem}`);
    return { out, err };
  }
  out.push(`✓ ${label}: the SLO holds (${measured})`);
  if (result.timeToRecoverMs !== undefined && result.impact) {
    const i = result.impact;
    out.push(`  time to recover: ${(result.timeToRecoverMs / 1000).toFixed(1)} s since start`);
    out.push(
      `  SLO impact: ${i.errors} of ${i.probes} synthetic requests failed, ${i.slow} slower than ${SLO.p95Ms} ms; ` +
        `${i.budgetBurnedPercent} % of the 30-day error budget (${SLO.availability * 100} %) burned`,
    );
  }
  return { out, err };
}
