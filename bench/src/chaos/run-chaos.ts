import { setTimeout as sleep } from 'node:timers/promises';
import { insertBenchProducts } from '../run/bench-product';
import { checkBreaker, type BreakerVerdict } from './breaker-check';
import { faults as allFaults, type Fault } from './faults';
import { checkLedger, checkOutbox, type LedgerVerdict, type OutboxVerdict } from './ledger-check';
import { SteadyLoad } from './load';
import type { ChaosOptions } from './options';
import { failuresBetween, recoveredAt } from './timeline';
import { startChaosTopology, type ChaosTopology } from './topology';
import { BreakerWatch, EventWatch } from './watchers';

export interface FaultResult {
  name: string;
  kind: Fault['kind'];
  /** From injection until the part was back (restart done). */
  faultMs: number;
  /** From injection until every request succeeded again; undefined = did not recover in time. */
  recoverMs?: number;
  requests: number;
  failedRequests: number;
  /** Of those, failed order placements (attempts; each retry counts) and failed reads. */
  failedOrders: number;
  failedReads: number;
  /** Up to three distinct failure causes (status and error), to explain a failure. */
  causes: string[];
  breaker?: BreakerVerdict;
  ok: boolean;
}

export interface ChaosReport {
  faults: FaultResult[];
  ledger: LedgerVerdict;
  outbox: OutboxVerdict;
  totalRequests: number;
  ok: boolean;
}

async function runFault(
  fault: Fault,
  t: ChaosTopology,
  load: SteadyLoad,
  breakers: BreakerWatch,
  o: ChaosOptions,
): Promise<FaultResult> {
  o.log(`fault: ${fault.name}`);
  const injectedAt = Date.now();
  await fault.run(t, o);
  const restoredAt = Date.now();
  // Wait until the load has run clean for `steadySec` (or give up).
  let recovered: number | undefined;
  while (Date.now() - restoredAt < o.recoverTimeoutSec * 1000) {
    await sleep(250);
    recovered = recoveredAt(load.attempts, injectedAt, Date.now());
    if (recovered !== undefined && Date.now() - recovered >= o.steadySec * 1000) break;
  }
  const end = Date.now();
  const window = load.attempts.filter((a) => a.startedAt >= injectedAt && a.startedAt < end);
  const failures = failuresBetween(load.attempts, injectedAt, end);
  const failed = failures.length;
  const failedOrders = failures.filter((a) => a.kind === 'order').length;
  const breaker = fault.breaker
    ? checkBreaker(
        breakers.samples,
        fault.breaker,
        t.proxies[fault.breaker].arrivals,
        injectedAt,
        end,
        o.breakerResetMs,
      )
    : undefined;
  const recoverMs = recovered === undefined ? undefined : recovered - injectedAt;
  const ok = recoverMs !== undefined && (breaker?.ok ?? true) && (fault.kind === 'outage' || failed === 0);
  const result = {
    name: fault.name,
    kind: fault.kind,
    faultMs: restoredAt - injectedAt,
    recoverMs,
    requests: window.length,
    failedRequests: failed,
    failedOrders,
    failedReads: failed - failedOrders,
    causes: [...new Set(failures.map((a) => `${a.kind} ${a.status}: ${a.error ?? ''}`))].slice(0, 3),
    breaker,
    ok,
  };
  o.log(
    `  back after ${result.faultMs} ms, recovered after ${recoverMs ?? '—'} ms, ${failed}/${window.length} requests failed${breaker ? `, breaker opened: ${breaker.opened}, calls while open: ${breaker.callsWhileOpen} (trials allowed ${breaker.trialsAllowed})` : ''}`,
  );
  for (const cause of result.causes) o.log(`    e.g. ${cause}`);
  return result;
}

/** Retries every unacknowledged key once more with the same key and body, as a client would. */
async function reconcile(load: SteadyLoad): Promise<number> {
  let reconciled = 0;
  for (const record of load.keys.values()) {
    if (record.orderId || record.attempts === 0) continue;
    await load.placeOrder(record, 10);
    if (record.orderId) reconciled += 1;
  }
  return reconciled;
}

/** The whole fault suite under steady order and read load; the verdict is `ok`. */
export async function runChaos(o: ChaosOptions, only?: (f: Fault) => boolean): Promise<ChaosReport> {
  o.log('starting the stack behind rotation proxies');
  const t = await startChaosTopology(o.breakerResetMs);
  const events = new EventWatch(t.stack.urls.redis);
  const breakers = new BreakerWatch(t.stack.urls.main);
  let load: SteadyLoad | undefined;
  try {
    await events.start();
    const product = await insertBenchProducts(t.stack.urls.databases.catalog, 0);
    load = new SteadyLoad(t.apiUrl, Date.now().toString(36), product.id);
    breakers.start();
    load.start(o.orderWorkers, o.readWorkers);
    await sleep(o.steadySec * 1000);
    const results: FaultResult[] = [];
    for (const fault of allFaults().filter(only ?? (() => true)))
      results.push(await runFault(fault, t, load, breakers, o));
    await load.stop();
    const reconciled = await reconcile(load);
    o.log('checking PostgreSQL and the outbox');
    const ledger = await checkLedger(
      t.stack.urls.databases.order,
      load.userId,
      [...load.keys.values()],
      reconciled,
    );
    const outbox = await checkOutbox(t.stack.urls.databases.order, load.userId, events.received, 15_000);
    return {
      faults: results,
      ledger,
      outbox,
      totalRequests: load.attempts.length,
      ok: ledger.ok && outbox.ok && results.every((r) => r.ok),
    };
  } finally {
    await load?.stop();
    load?.close();
    breakers.stop();
    events.stop();
    await t.stop();
  }
}
