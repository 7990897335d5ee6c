import { Redis } from 'ioredis';
import type { OrderStatusEvent } from '../../src/outbox/events';
import { ORDER_STATUS_CHANNEL } from '../../src/outbox/events';

export interface Subscriber {
  events: OrderStatusEvent[];
  /** Events with duplicates (same eventId) removed, first arrival kept. */
  unique(): OrderStatusEvent[];
  waitFor(
    predicate: (events: OrderStatusEvent[]) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  close(): Promise<void>;
}

/** A real subscriber on `orders.status`, reconnecting fast (and resubscribing) after a Redis restart. */
export async function subscribe(url: string): Promise<Subscriber> {
  const redis = new Redis(url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // reconnects by itself during the outage tests
  const events: OrderStatusEvent[] = [];
  redis.on('message', (_channel: string, message: string) =>
    events.push(JSON.parse(message) as OrderStatusEvent),
  );
  await redis.subscribe(ORDER_STATUS_CHANNEL);
  const unique = () => {
    const seen = new Set<string>();
    return events.filter((event) => !seen.has(event.eventId) && seen.add(event.eventId));
  };
  return {
    events,
    unique,
    async waitFor(predicate, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(unique())) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(unique())}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: async () => {
      redis.disconnect();
    },
  };
}

export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
