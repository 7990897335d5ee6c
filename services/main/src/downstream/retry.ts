import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Full-jitter exponential backoff: a random delay in [0, min(max, base * 2^attempt)). */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(Math.random() * ceiling);
}

/** Runs `fn`, retrying up to `maxRetries` times while `shouldRetry(error)` says the error is transient. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.maxRetries || !shouldRetry(error)) throw error;
      await sleep(backoffDelay(attempt, options));
    }
  }
}
