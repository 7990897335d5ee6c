import type { EntityManager } from 'typeorm';

export type Claim = { kind: 'claimed' } | { kind: 'replay'; orderId: number } | { kind: 'mismatch' };

/**
 * Idempotency keys in PostgreSQL. `claim` runs inside the order-creating transaction: the INSERT takes
 * the key's unique index entry, so a concurrent request with the same key waits on it and, once the
 * first commits, sees the finished record (a replay) — exactly one order, no unique-violation 500s.
 * A key whose record expired is taken over as if new.
 */
export class IdempotencyStore {
  constructor(private readonly ttlSeconds: number) {}

  async claim(manager: EntityManager, key: string, hash: string): Promise<Claim> {
    // Two tries: a record can expire and be cleaned up between the INSERT and the SELECT.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await this.insertOrTakeOver(manager, key, hash)) return { kind: 'claimed' };
      const rows: { request_hash: string; order_id: number | null }[] = await manager.query(
        'SELECT request_hash, order_id FROM idempotency_keys WHERE key = $1',
        [key],
      );
      const existing = rows[0];
      if (!existing) continue;
      if (existing.request_hash !== hash) return { kind: 'mismatch' };
      // order_id is set in the claiming transaction, so a committed record always has it.
      if (existing.order_id === null) throw new Error(`idempotency record ${key} has no order`);
      return { kind: 'replay', orderId: existing.order_id };
    }
    throw new Error(`idempotency key ${key} could not be claimed`);
  }

  private async insertOrTakeOver(manager: EntityManager, key: string, hash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (key, request_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, order_id = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= now()
       RETURNING key`,
      [key, hash, this.ttlSeconds],
    );
    return rows.length > 0;
  }

  async complete(manager: EntityManager, key: string, orderId: number): Promise<void> {
    await manager.query('UPDATE idempotency_keys SET order_id = $2 WHERE key = $1', [key, orderId]);
  }

  /** Deletes expired records in bounded batches; returns how many went. */
  async deleteExpired(manager: EntityManager, batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, count] = (await manager.query(
        `DELETE FROM idempotency_keys WHERE key IN (
           SELECT key FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)`,
        [batchSize],
      )) as [unknown, number];
      total += count;
      if (count < batchSize) return total;
    }
  }
}
