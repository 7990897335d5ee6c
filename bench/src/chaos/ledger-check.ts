import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyRecord } from './load';

export interface LedgerVerdict {
  acknowledged: number;
  /** Acknowledged only by the final reconciliation retry (same key) after the load stopped. */
  acknowledgedOnReconciliation: number;
  ordersInDatabase: number;
  /** Acknowledged orders missing from PostgreSQL, or stored under another id. */
  lost: string[];
  /** Orders of the run's user referenced by no key, or by more than one. */
  duplicates: number[];
  /** Orders that exist although their key was never acknowledged (even after the retry with its key). */
  phantoms: number[];
  ok: boolean;
}

export interface OutboxVerdict {
  events: number;
  unsent: number;
  /** Outbox events of the run's orders that no subscriber received. */
  missing: number;
  ok: boolean;
}

/** Every acknowledged order exists exactly once; nothing exists that was not acknowledged. */
export async function checkLedger(
  orderDbUrl: string,
  userId: string,
  keys: KeyRecord[],
  reconciled: number,
): Promise<LedgerVerdict> {
  const db = new Client({ connectionString: orderDbUrl });
  await db.connect();
  try {
    const orders = await db.query<{ id: number }>('SELECT id FROM orders WHERE user_id = $1', [userId]);
    const keyRows = await db.query<{ key: string; order_id: number | null }>(
      'SELECT key, order_id FROM idempotency_keys WHERE key = ANY($1::text[])',
      [keys.map((k) => k.key)],
    );
    const byKey = new Map(keyRows.rows.map((r) => [r.key, r.order_id]));
    const ids = new Set(orders.rows.map((r) => r.id));
    const acked = keys.filter((k) => k.orderId !== undefined);
    const lost = acked
      .filter((k) => String(byKey.get(k.key)) !== k.orderId || !ids.has(Number(k.orderId)))
      .map((k) => k.key);
    const refs = new Map<number, number>();
    for (const id of byKey.values()) if (id !== null) refs.set(id, (refs.get(id) ?? 0) + 1);
    const duplicates = [...ids].filter((id) => refs.get(id) !== 1);
    const ackedIds = new Set(acked.map((k) => Number(k.orderId)));
    const phantoms = [...ids].filter((id) => !ackedIds.has(id));
    return {
      acknowledged: acked.length,
      acknowledgedOnReconciliation: reconciled,
      ordersInDatabase: ids.size,
      lost,
      duplicates,
      phantoms,
      ok: lost.length === 0 && duplicates.length === 0 && phantoms.length === 0,
    };
  } finally {
    await db.end();
  }
}

/** Waits for the relay to send every outbox row, then compares event ids with what subscribers got. */
export async function checkOutbox(
  orderDbUrl: string,
  userId: string,
  received: Set<string>,
  waitMs: number,
): Promise<OutboxVerdict> {
  const db = new Client({ connectionString: orderDbUrl });
  await db.connect();
  try {
    const deadline = Date.now() + waitMs;
    let rows: { event_id: string; sent: boolean }[] = [];
    for (;;) {
      const result = await db.query<{ event_id: string; sent: boolean }>(
        `SELECT e.event_id, e.sent_at IS NOT NULL AS sent FROM outbox_events e
         JOIN orders o ON o.id = e.aggregate_id WHERE o.user_id = $1`,
        [userId],
      );
      rows = result.rows;
      const pending = rows.some((r) => !r.sent || !received.has(r.event_id));
      if (!pending || Date.now() > deadline) break;
      await sleep(250);
    }
    const unsent = rows.filter((r) => !r.sent).length;
    const missing = rows.filter((r) => !received.has(r.event_id)).length;
    return { events: rows.length, unsent, missing, ok: unsent === 0 && missing === 0 };
  } finally {
    await db.end();
  }
}
