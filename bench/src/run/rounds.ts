import { sampleCpu } from '../load/proc-cpu';
import type { LoadGenerator } from '../load/types';
import { summarize, type BenchCase, type CaseResult, type RoundResult } from './cases';

export interface RoundsOptions {
  rounds: number;
  durationSec: number;
  connections: number;
  warmupSec: number;
  log: (line: string) => void;
}

async function runOnce(gen: LoadGenerator, c: BenchCase, durationSec: number, connections: number) {
  const samplers = c.serverPids().map((pid) => sampleCpu(pid));
  const result = await gen.run({ ...c.spec, durationSec, connections });
  const cpus = samplers.map((s) => s.stop()).filter((v): v is number => v !== undefined);
  const round: RoundResult = { ...result };
  if (cpus.length) round.serverCpuPercent = Math.round(cpus.reduce((a, b) => a + b, 0) * 10) / 10;
  return round;
}

/**
 * Warms every case up once, then runs the rounds interleaved (round 1 of every case, then round 2...), so
 * a burst of noise from the shared machine spreads over all cases instead of sinking one.
 */
export async function runRounds(gen: LoadGenerator, cases: BenchCase[], o: RoundsOptions) {
  for (const c of cases) {
    o.log(`warm-up ${c.id} (${o.warmupSec}s)`);
    await gen.run({ ...c.spec, durationSec: o.warmupSec, connections: o.connections });
  }
  const rounds = new Map<string, RoundResult[]>(cases.map((c) => [c.id, []]));
  for (let r = 1; r <= o.rounds; r += 1) {
    for (const c of cases) {
      const result = await runOnce(gen, c, o.durationSec, o.connections);
      rounds.get(c.id)!.push(result);
      o.log(
        `round ${r}/${o.rounds} ${c.id}: ${Math.round(result.rps)} req/s, p99 ${result.p99.toFixed(1)} ms, ` +
          `errors ${result.non2xx + result.socketErrors}`,
      );
    }
  }
  return cases.map((c): CaseResult => summarize(c, rounds.get(c.id)!));
}
