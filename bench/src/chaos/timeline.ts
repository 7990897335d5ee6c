import type { Attempt } from './load';

/** Requests that started in [from, to) and failed (non-2xx or transport error). */
export function failuresBetween(attempts: Attempt[], from: number, to: number): Attempt[] {
  return attempts.filter(
    (a) => a.startedAt >= from && a.startedAt < to && (a.status < 200 || a.status > 299),
  );
}

/**
 * When the system was back: the start of the first request after which every request of both kinds
 * succeeded until `until` (with at least one success of each kind). Undefined when it never settled.
 */
export function recoveredAt(attempts: Attempt[], from: number, until: number): number | undefined {
  const window = attempts
    .filter((a) => a.startedAt >= from && a.startedAt < until)
    .sort((a, b) => a.startedAt - b.startedAt);
  let lastFailure = -1;
  window.forEach((a, i) => {
    if (a.status < 200 || a.status > 299) lastFailure = i;
  });
  const after = window.slice(lastFailure + 1);
  if (!after.some((a) => a.kind === 'order') || !after.some((a) => a.kind === 'read')) return undefined;
  return lastFailure < 0 ? from : window[lastFailure]!.endedAt;
}
