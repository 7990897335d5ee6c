import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Stops waiting early: return an Error to reject with (e.g. the process exited). */
  abort?: () => Error | undefined;
}

/** Polls `check` until it resolves true; rejects on timeout or when `abort` reports a failure. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const { what, timeoutMs = 30_000, intervalMs = 50, abort } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = abort?.();
    if (aborted) throw aborted;
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(intervalMs);
  }
}
