// The seed's SLOs (seed-design: API p95 < 500 ms, errors < 1 %, availability > 99.9 %, DB connections < 80 %).
export const SLO = {
  p95Ms: 500,
  errorRate: 0.01,
  availability: 0.999,
  /** Database connections in use, as a share of max_connections. */
  dbConnectionShare: 0.8,
  /** The availability SLO's window: 30 days. */
  windowMinutes: 30 * 24 * 60,
} as const;

/** Minutes of total outage the availability SLO allows per window (43.2 for 99.9 % over 30 days). */
export const ERROR_BUDGET_MINUTES = SLO.windowMinutes * (1 - SLO.availability);

/** Nearest-rank percentile of durations in ms (0 for an empty sample). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Share of the 30-day error budget an incident burned: its length weighted by the share of bad probe
 * requests during it (a full outage of 43.2 minutes burns 100 %).
 */
export function budgetBurnedPercent(incidentMs: number, badRatio: number): number {
  const badMinutes = (incidentMs / 60_000) * badRatio;
  return (badMinutes / ERROR_BUDGET_MINUTES) * 100;
}
