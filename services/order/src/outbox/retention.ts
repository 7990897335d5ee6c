import type { EntityManager } from 'typeorm';

/** Deletes published events older than `retentionHours` in bounded batches; returns how many went. */
export async function deleteSentEvents(
  manager: EntityManager,
  retentionHours: number,
  batchSize = 1000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [, count] = (await manager.query(
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events
         WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(hours => $1) LIMIT $2)`,
      [retentionHours, batchSize],
    )) as [unknown, number];
    total += count;
    if (count < batchSize) return total;
  }
}
