import type { BreakerSample } from './watchers';

export interface BreakerVerdict {
  opened: boolean;
  /** Downstream calls that arrived while the breaker was sampled open (or half-open) on both sides. */
  callsWhileOpen: number;
  /** Trial calls the breaker may make in that time (one per reset timeout). */
  trialsAllowed: number;
  ok: boolean;
}

const MAX_SAMPLE_GAP_MS = 250;

/**
 * Did the breaker open during [from, to], and did it keep calls away from the dead downstream while open?
 * Arrivals between two consecutive not-closed samples count as calls made while open; half-open trials
 * (one per reset timeout) are the only ones allowed.
 */
export function checkBreaker(
  samples: BreakerSample[],
  which: 'catalog' | 'order',
  arrivals: number[],
  from: number,
  to: number,
  resetMs: number,
): BreakerVerdict {
  const window = samples.filter((s) => s.at >= from && s.at <= to);
  const opened = window.some((s) => s[which] === 'open');
  let callsWhileOpen = 0;
  let trialsAllowed = 0;
  let runStart: number | undefined;
  for (let i = 0; i + 1 < window.length; i += 1) {
    const a = window[i]!;
    const b = window[i + 1]!;
    const bothOpen = a[which] !== 'closed' && b[which] !== 'closed' && a[which] && b[which];
    if (!bothOpen || b.at - a.at > MAX_SAMPLE_GAP_MS) {
      if (runStart !== undefined) trialsAllowed += Math.ceil((a.at - runStart) / resetMs) + 1;
      runStart = undefined;
      continue;
    }
    runStart ??= a.at;
    callsWhileOpen += arrivals.filter((t) => t > a.at && t < b.at).length;
  }
  if (runStart !== undefined)
    trialsAllowed += Math.ceil((window[window.length - 1]!.at - runStart) / resetMs) + 1;
  return { opened, callsWhileOpen, trialsAllowed, ok: opened && callsWhileOpen <= trialsAllowed };
}
