import type { LoadResult, LoadSpec } from '../load/types';

/** One thing to measure: a load spec plus the server processes whose CPU use is worth reporting. */
export interface BenchCase {
  id: string;
  title: string;
  /** How the case is built (cache-busting scheme, body...), printed under the table. */
  note?: string;
  spec: Omit<LoadSpec, 'connections' | 'durationSec'>;
  serverPids: () => number[];
}

export interface RoundResult extends LoadResult {
  serverCpuPercent?: number;
}

export interface CaseResult {
  id: string;
  title: string;
  note?: string;
  rounds: RoundResult[];
  /** Median over rounds for rps and latencies; errors summed over all rounds. */
  summary: {
    rps: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    non2xx: number;
    socketErrors: number;
    serverCpuPercent?: number;
    generatorCpuPercent?: number;
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? median(known) : undefined;
}

export function summarize(c: BenchCase, rounds: RoundResult[]): CaseResult {
  const non2xx = rounds.reduce((n, r) => n + r.non2xx, 0);
  const socketErrors = rounds.reduce((n, r) => n + r.socketErrors, 0);
  return {
    id: c.id,
    title: c.title,
    note: c.note,
    rounds,
    summary: {
      rps: median(rounds.map((r) => r.rps)),
      p50: median(rounds.map((r) => r.p50)),
      p95: median(rounds.map((r) => r.p95)),
      p99: median(rounds.map((r) => r.p99)),
      errors: non2xx + socketErrors,
      non2xx,
      socketErrors,
      serverCpuPercent: medianOf(rounds.map((r) => r.serverCpuPercent)),
      generatorCpuPercent: medianOf(rounds.map((r) => r.generatorCpuPercent)),
    },
  };
}
