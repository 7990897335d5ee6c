import { Redis } from 'ioredis';

export type BreakerSample = { at: number; catalog?: string; order?: string };

/** Polls the gateway's /api/status (breaker states) every `everyMs` straight from one replica. */
export class BreakerWatch {
  readonly samples: BreakerSample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly mainUrl: string) {}

  start(everyMs = 50): void {
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const at = Date.now();
    try {
      const res = await fetch(`${this.mainUrl}/api/status`, { signal: AbortSignal.timeout(1_000) });
      const body = (await res.json()) as { breakers?: Record<string, { state?: string }> };
      this.samples.push({ at, catalog: body.breakers?.catalog?.state, order: body.breakers?.order?.state });
    } catch {
      // main itself is down or busy: no sample
    }
  }
}

/** Subscribes to the order status channel like the gateway does, reconnecting fast after an outage. */
export class EventWatch {
  readonly received = new Set<string>();
  private readonly redis: Redis;

  constructor(redisUrl: string, channel = 'orders.status') {
    this.redis = new Redis(redisUrl, {
      retryStrategy: () => 50,
      maxRetriesPerRequest: null,
      lazyConnect: true,
    });
    this.redis.on('error', () => undefined); // reconnects by itself
    this.redis.on('message', (_channel: string, message: string) => {
      try {
        this.received.add((JSON.parse(message) as { eventId: string }).eventId);
      } catch {
        // not an event of ours
      }
    });
    this.channel = channel;
  }

  private readonly channel: string;

  async start(): Promise<void> {
    await this.redis.connect();
    await this.redis.subscribe(this.channel);
  }

  stop(): void {
    this.redis.disconnect();
  }
}
