import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { send } from '../http/send';

/** One request of the steady load, for the timeline. */
export interface Attempt {
  kind: 'order' | 'read';
  startedAt: number;
  endedAt: number;
  /** 0 = transport error or timeout. */
  status: number;
  /** The transport error, or the start of a non-2xx body: why it failed. */
  error?: string;
}

/** What the client knows about each idempotency key it used. */
export interface KeyRecord {
  key: string;
  body: string;
  attempts: number;
  /** Order id from the gateway's 2xx answer, once acknowledged. */
  orderId?: string;
}

export const RETRY_STATUSES = new Set([0, 409, 429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 40;

/**
 * Steady traffic like well-behaved clients: order placers that retry a failed POST with the same
 * Idempotency-Key (backoff up to 1 s) and readers of product pages. Every attempt is recorded.
 */
export class SteadyLoad {
  readonly attempts: Attempt[] = [];
  readonly keys = new Map<string, KeyRecord>();
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private serial = 0;

  constructor(
    private readonly apiUrl: string,
    readonly runId: string,
    private readonly productId: number,
  ) {}

  get userId(): string {
    return `chaos-${this.runId}`;
  }

  start(orderWorkers: number, readWorkers: number): void {
    this.running = true;
    for (let i = 0; i < orderWorkers; i += 1) this.workers.push(this.orderLoop());
    for (let i = 0; i < readWorkers; i += 1) this.workers.push(this.readLoop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  close(): void {
    this.agent.destroy();
  }

  private async request(kind: Attempt['kind'], method: string, path: string, body?: string, key?: string) {
    const startedAt = Date.now();
    const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
    if (key) headers['idempotency-key'] = key;
    let error: string | undefined;
    const res = await send(this.apiUrl, { method, path, body, headers }, 5_000, this.agent).catch(
      (err: Error) => void (error = err.message),
    );
    const status = res?.status ?? 0;
    if (res && (status < 200 || status > 299)) error = res.body.slice(0, 200);
    this.attempts.push({ kind, startedAt, endedAt: Date.now(), status, error });
    return { status, body: res?.body ?? '' };
  }

  /** One order until acknowledged (or attempts run out; reconciliation retries it later). */
  async placeOrder(record: KeyRecord, maxAttempts = MAX_ATTEMPTS): Promise<void> {
    for (let attempt = 0; attempt < maxAttempts && !record.orderId; attempt += 1) {
      record.attempts += 1;
      const res = await this.request('order', 'POST', '/api/orders', record.body, record.key);
      if (res.status >= 200 && res.status < 300) {
        record.orderId = String((JSON.parse(res.body) as { id: number | string }).id);
        return;
      }
      if (!RETRY_STATUSES.has(res.status)) return; // a 4xx answer is final for this key
      await sleep(Math.min(1_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }

  newKey(): KeyRecord {
    this.serial += 1;
    const key = `chaos-${this.runId}-${this.serial}-${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({
      userId: this.userId,
      items: [{ productId: this.productId, quantity: 1 }],
      shippingAddress: `${this.serial} Chaos Street`,
    });
    const record: KeyRecord = { key, body, attempts: 0 };
    this.keys.set(key, record);
    return record;
  }

  private async orderLoop(): Promise<void> {
    while (this.running) await this.placeOrder(this.newKey());
  }

  private async readLoop(): Promise<void> {
    let n = 0;
    while (this.running) {
      n += 1;
      const path = n % 2 ? `/api/products/${this.productId}` : '/api/products?limit=5';
      await this.request('read', 'GET', path);
      await sleep(5);
    }
  }
}
