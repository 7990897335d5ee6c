import type { DataSource, EntityManager } from 'typeorm';
import { backoffDelay } from './backoff';

/** What the relay needs from Redis (ioredis `publish`). Must reject, not queue, while Redis is away. */
export interface Publisher {
  publish(channel: string, message: string): Promise<unknown>;
}

export interface RelayLogger {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface RelayMetrics {
  published(count: number): void;
  failed(): void;
}

export interface RelayOptions {
  batchSize: number;
  /** Idle poll period; a local write wakes the relay earlier (nudge). */
  pollIntervalMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface BatchResult {
  published: number;
  /** Rows left for later because an earlier event of the same order is held by another relay. */
  deferred: number;
  error?: unknown;
}

interface OutboxRow {
  id: string;
  aggregate_id: number;
  channel: string;
  payload: string;
}

/**
 * Publishes outbox rows to Redis in id order and marks them sent, at least once.
 *
 * Several replicas may relay at once: each batch is locked with FOR UPDATE SKIP LOCKED, and an order
 * whose earlier unsent event is locked by another relay is skipped for this round, so events of one
 * order are never published out of order. A publish failure stops the batch (later events of that
 * order must wait), keeps the unsent rows, and the loop backs off before trying again.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: Publisher,
    private readonly options: RelayOptions,
    private readonly log: RelayLogger,
    private readonly metrics?: RelayMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then returns; unsent rows stay for the next start or replica. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** A transaction with outbox rows committed: relay now instead of at the next poll. */
  nudge(): void {
    if (this.failures === 0) this.wake?.();
  }

  async relayBatch(): Promise<BatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, aggregate_id, channel, payload::text AS payload FROM outbox_events
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return { published: 0, deferred: 0 };
      const blocked = await this.ordersHeldElsewhere(manager, rows);
      const sent: string[] = [];
      let error: unknown;
      for (const row of rows) {
        if (blocked.has(row.aggregate_id)) continue;
        try {
          await this.publisher.publish(row.channel, row.payload);
          sent.push(row.id);
        } catch (publishError) {
          error = publishError;
          await manager.query(
            'UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
            [row.id, String(publishError).slice(0, 500)],
          );
          break;
        }
      }
      if (sent.length > 0) {
        await manager.query('UPDATE outbox_events SET sent_at = now() WHERE id = ANY($1::bigint[])', [sent]);
      }
      const deferred = rows.filter((row) => blocked.has(row.aggregate_id)).length;
      return error === undefined
        ? { published: sent.length, deferred }
        : { published: sent.length, deferred, error };
    });
  }

  /** Orders in this batch with an earlier unsent event we did not lock (another relay has it). */
  private async ordersHeldElsewhere(manager: EntityManager, rows: OutboxRow[]): Promise<Set<number>> {
    const firstIdByOrder = new Map<number, string>();
    for (const row of rows)
      if (!firstIdByOrder.has(row.aggregate_id)) firstIdByOrder.set(row.aggregate_id, row.id);
    const held: { aggregate_id: number }[] = await manager.query(
      `SELECT DISTINCT b.aggregate_id FROM unnest($1::int[], $2::bigint[]) AS b(aggregate_id, first_id)
       JOIN outbox_events o ON o.aggregate_id = b.aggregate_id AND o.id < b.first_id AND o.sent_at IS NULL`,
      [[...firstIdByOrder.keys()], [...firstIdByOrder.values()]],
    );
    return new Set(held.map((row) => row.aggregate_id));
  }

  private async run(): Promise<void> {
    while (this.running) {
      const delay = await this.step();
      if (delay > 0 && this.running) await this.sleep(delay);
    }
  }

  /** One batch; returns how long to wait before the next. */
  private async step(): Promise<number> {
    try {
      const result = await this.relayBatch();
      if (result.published > 0) this.metrics?.published(result.published);
      if (result.error === undefined) {
        if (this.failures > 0) this.log.info({ failures: this.failures }, 'outbox relay recovered');
        this.failures = 0;
        return result.published > 0 ? 0 : this.options.pollIntervalMs;
      }
      return this.failed(result.error, 'publish');
    } catch (error) {
      return this.failed(error, 'database');
    }
  }

  private failed(error: unknown, stage: string): number {
    this.failures += 1;
    this.metrics?.failed();
    const delay = backoffDelay(this.failures, this.options.backoffBaseMs, this.options.backoffMaxMs);
    this.log.warn({ err: error, stage, failures: this.failures, retryInMs: delay }, 'outbox relay failed');
    return delay;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
