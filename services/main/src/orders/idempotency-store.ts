import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

type StoredRecord =
  { fingerprint: string; state: 'pending' } | { fingerprint: string; state: 'done'; orderId: string };

export type BeginResult =
  { kind: 'new' } | { kind: 'done'; orderId: string } | { kind: 'pending' } | { kind: 'mismatch' };

/** Stable hash of the request a key was first used with (same key + other body → conflict). */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Gateway-side idempotency: key → order id in Redis, so a retried POST /api/orders replays the order
 * instead of reserving stock again. A key is "pending" (short TTL) while its order is being placed,
 * "done" once the order exists, and removed again when placing it failed so the client may retry.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly pendingTtlSeconds: number,
    private readonly doneTtlSeconds: number,
    private readonly prefix = 'main:idem:',
  ) {}

  async begin(key: string, print: string): Promise<BeginResult> {
    const pending: StoredRecord = { fingerprint: print, state: 'pending' };
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.redis.set(
        this.prefix + key,
        JSON.stringify(pending),
        'EX',
        this.pendingTtlSeconds,
        'NX',
      );
      if (claimed) return { kind: 'new' };
      const raw = await this.redis.get(this.prefix + key);
      if (!raw) continue; // expired between SET NX and GET: try to claim again
      const record = JSON.parse(raw) as StoredRecord;
      if (record.fingerprint !== print) return { kind: 'mismatch' };
      return record.state === 'done' ? { kind: 'done', orderId: record.orderId } : { kind: 'pending' };
    }
    return { kind: 'pending' };
  }

  async complete(key: string, print: string, orderId: string): Promise<void> {
    const done: StoredRecord = { fingerprint: print, state: 'done', orderId };
    await this.redis.set(this.prefix + key, JSON.stringify(done), 'EX', this.doneTtlSeconds);
  }

  async abandon(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
