import type { Logger } from '@eks-sre-lab/kit';
import type { DataSource } from 'typeorm';
import type { IdempotencyStore } from './idempotency/store';
import { deleteSentEvents } from './outbox/retention';

export interface Cleanup {
  /** One pass now (also what the timer runs). */
  runOnce(): Promise<{ idempotencyKeys: number; outboxEvents: number }>;
  stop(): void;
}

/**
 * Periodic housekeeping: expired Idempotency-Key records and published outbox rows past retention.
 * Every replica runs it; the DELETEs are idempotent, so overlapping passes are harmless.
 */
export function startCleanup(
  dataSource: DataSource,
  idempotency: IdempotencyStore,
  options: { intervalMs: number; outboxRetentionHours: number },
  log: Logger,
): Cleanup {
  const runOnce = async () => {
    const idempotencyKeys = await idempotency.deleteExpired(dataSource.manager);
    const outboxEvents = await deleteSentEvents(dataSource.manager, options.outboxRetentionHours);
    if (idempotencyKeys + outboxEvents > 0)
      log.info({ idempotencyKeys, outboxEvents }, 'cleanup removed rows');
    return { idempotencyKeys, outboxEvents };
  };
  const timer = setInterval(() => {
    runOnce().catch((err: unknown) => log.warn({ err }, 'cleanup failed; retrying next interval'));
  }, options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
