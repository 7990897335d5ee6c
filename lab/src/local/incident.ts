// A synthetic shopper (like a blackbox exporter) that runs while a scenario is active: one request every
// 500 ms through the gateway, so `verify` can report how much of the SLO the incident cost.
import { budgetBurnedPercent, SLO } from '../slo/objectives';
import { timedGet } from '../slo/probe';
import { PROBE_TARGETS } from './health';

const INTERVAL_MS = 500;
/** Stops by itself: an abandoned scenario does not probe forever. */
const MAX_DURATION_MS = 30 * 60_000;

export interface IncidentReport {
  startedAt: string;
  durationMs: number;
  probes: number;
  errors: number;
  slow: number;
  /** Share of the 30-day error budget (99.9 %) burned. */
  budgetBurnedPercent: number;
}

export class Incident {
  readonly startedAt = Date.now();
  private probes = 0;
  private errors = 0;
  private slow = 0;
  private endedAt: number | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly mainUrl: string) {
    let tick = 0;
    this.timer = setInterval(() => {
      if (Date.now() - this.startedAt > MAX_DURATION_MS) return this.end();
      const target = PROBE_TARGETS[tick++ % PROBE_TARGETS.length]!;
      void this.sample(target.path, target.okStatuses ?? []);
    }, INTERVAL_MS);
    this.timer.unref();
  }

  private async sample(path: string, okStatuses: number[]): Promise<void> {
    const answer = await timedGet(`${this.mainUrl}${path}`, 2_000);
    if (this.endedAt !== undefined) return;
    this.probes++;
    const good = answer.status !== undefined && (answer.status < 400 || okStatuses.includes(answer.status));
    if (!good) this.errors++;
    else if (answer.ms >= SLO.p95Ms) this.slow++;
  }

  end(): void {
    clearInterval(this.timer);
    this.endedAt ??= Date.now();
  }

  report(): IncidentReport {
    const durationMs = (this.endedAt ?? Date.now()) - this.startedAt;
    const badRatio = this.probes === 0 ? 0 : this.errors / this.probes;
    return {
      startedAt: new Date(this.startedAt).toISOString(),
      durationMs,
      probes: this.probes,
      errors: this.errors,
      slow: this.slow,
      budgetBurnedPercent: Math.round(budgetBurnedPercent(durationMs, badRatio) * 1000) / 1000,
    };
  }
}
