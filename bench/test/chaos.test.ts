// The local fault suite, short version (same code as `npm run chaos:local`): kill -9 catalog and order,
// restart PostgreSQL, stop Redis, rolling SIGTERM restarts — no acknowledged order lost or duplicated,
// every outbox event delivered, breakers open and hold, zero failures during graceful restarts.
import { ensureBuilt } from '@eks-sre-lab/harness';
import { shortChaos } from '../src/chaos/options';
import { chaosSummary } from '../src/chaos/report';
import { runChaos } from '../src/chaos/run-chaos';

jest.setTimeout(180_000);

describe('local fault suite (short)', () => {
  // The stack runs the services' compiled entry points.
  beforeAll(() => ensureBuilt(['services/catalog', 'services/order', 'services/main']));

  it('loses no acknowledged order and survives every fault', async () => {
    const report = await runChaos({ ...shortChaos, log: () => undefined });
    // On failure the whole summary table is the diff.
    expect(report.ok ? 'pass' : chaosSummary(report)).toBe('pass');
    expect(report.faults).toHaveLength(7);
    expect(report.ledger.acknowledged).toBeGreaterThan(0);
    expect(report.ledger).toMatchObject({ lost: [], duplicates: [], phantoms: [] });
    expect(report.outbox).toMatchObject({ unsent: 0, missing: 0 });
    for (const fault of report.faults.filter((f) => f.kind === 'graceful'))
      expect(fault.failedRequests).toBe(0);
    for (const fault of report.faults.filter((f) => f.breaker)) expect(fault.breaker?.opened).toBe(true);
  });
});
