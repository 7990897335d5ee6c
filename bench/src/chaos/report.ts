import type { ChaosReport } from './run-chaos';

const seconds = (ms: number | undefined) =>
  ms === undefined ? 'not recovered' : `${(ms / 1000).toFixed(1)} s`;

/** The chaos summary as Markdown (printed by `npm run chaos:local` and kept in bench/README.md). */
export function chaosSummary(r: ChaosReport): string {
  const rows = r.faults.map((f) => {
    const breaker = f.breaker
      ? `${f.breaker.opened ? 'opened' : '**did not open**'}; calls while open: ${f.breaker.callsWhileOpen} (≤ ${f.breaker.trialsAllowed} trials allowed)`
      : '–';
    return `| ${f.name} | ${seconds(f.faultMs)} | ${seconds(f.recoverMs)} | ${f.failedRequests}/${f.requests} (${f.failedOrders} order, ${f.failedReads} read) | ${breaker} | ${f.ok ? 'ok' : '**FAIL**'} |`;
  });
  const l = r.ledger;
  const o = r.outbox;
  return [
    '| fault | part back after | recovered after | failed requests (order attempts, reads) | breaker | verdict |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    '',
    `- Orders: ${l.acknowledged} acknowledged (${l.acknowledgedOnReconciliation} only on the final retry with their key), ` +
      `${l.ordersInDatabase} in PostgreSQL; lost ${l.lost.length}, duplicated ${l.duplicates.length}, ` +
      `unacknowledged but stored ${l.phantoms.length} → ${l.ok ? 'ok' : '**FAIL**'}`,
    `- Outbox: ${o.events} status events, ${o.unsent} unsent, ${o.missing} not received by the subscriber → ${o.ok ? 'ok' : '**FAIL**'}`,
    `- ${r.totalRequests} requests in total. Verdict: ${r.ok ? '**pass**' : '**FAIL**'}`,
  ].join('\n');
}
