import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { logConnectionState, type Logger } from '@eks-sre-lab/kit';

const SUBSCRIBE_RETRY_MS = 1_000;

/**
 * Relays order status events from Redis pub/sub to server-sent-event clients. One subscriber connection
 * serves every client; the channel is subscribed while at least one client listens, and one timer sends
 * heartbeats so proxies keep idle streams open.
 */
export class OrderEventsHub {
  private readonly clients = new Set<Response>();
  private subscriber: Redis | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private resubscribe: NodeJS.Timeout | undefined;
  /** Serializes SUBSCRIBE/UNSUBSCRIBE as clients come and go. */
  private subscription: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly heartbeatMs: number,
    private readonly log: Logger,
  ) {}

  get clientCount(): number {
    return this.clients.size;
  }

  async connect(req: Request, res: Response): Promise<void> {
    this.clients.add(res);
    req.once('close', () => this.disconnect(res));
    if (this.clients.size === 1) this.startListening();
    await this.subscription; // the stream opens only once events can flow
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
  }

  /** Ends every stream, so a shutdown's drain need not wait for them. Clients reconnect elsewhere. */
  endStreams(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.stopListening();
  }

  /** Ends the streams and the subscriber connection. */
  async close(): Promise<void> {
    this.endStreams();
    await this.subscription.catch(() => undefined);
    this.subscriber?.disconnect();
  }

  private disconnect(res: Response): void {
    if (!this.clients.delete(res)) return;
    if (this.clients.size === 0) this.stopListening();
  }

  private startListening(): void {
    this.queueSubscribe();
    this.heartbeat ??= setInterval(() => this.broadcast(`: heartbeat ${Date.now()}\n\n`), this.heartbeatMs);
  }

  /**
   * SUBSCRIBE, and while it fails (Redis down) and clients listen, try again every
   * SUBSCRIBE_RETRY_MS: the streams stay open on heartbeats and events flow once Redis is back. (ioredis
   * re-subscribes by itself only channels that were subscribed before the connection dropped.)
   */
  private queueSubscribe(): void {
    const subscriber = this.ensureSubscriber();
    this.subscription = this.subscription
      .then(() => subscriber.subscribe(this.channel))
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'order events: subscribe failed, retrying');
        if (this.clients.size === 0) return;
        clearTimeout(this.resubscribe);
        this.resubscribe = setTimeout(() => {
          this.resubscribe = undefined;
          if (this.clients.size > 0) this.queueSubscribe();
        }, SUBSCRIBE_RETRY_MS);
      });
  }

  private stopListening(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    clearTimeout(this.resubscribe);
    this.resubscribe = undefined;
    const subscriber = this.subscriber;
    if (!subscriber) return;
    this.subscription = this.subscription
      .then(() => subscriber.unsubscribe(this.channel))
      .catch(() => undefined);
  }

  private ensureSubscriber(): Redis {
    if (!this.subscriber) {
      // Unlike the command connection, SUBSCRIBE may wait in the offline queue for the first connect.
      this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
      logConnectionState(this.subscriber, this.log, {
        lost: 'order events: redis unavailable, streams pause',
        restored: 'order events: redis connection restored',
      });
      this.subscriber.on('message', (_channel: string, message: string) => this.relay(message));
    }
    return this.subscriber;
  }

  private relay(message: string): void {
    let event: { eventId?: unknown };
    try {
      event = JSON.parse(message) as { eventId?: unknown };
    } catch {
      this.log.warn({ message: message.slice(0, 200) }, 'order events: ignoring a message that is not JSON');
      return;
    }
    const id =
      typeof event.eventId === 'string' || typeof event.eventId === 'number' ? `id: ${event.eventId}\n` : '';
    this.broadcast(`${id}event: order-status\ndata: ${JSON.stringify(event)}\n\n`);
  }

  private broadcast(frame: string): void {
    for (const res of this.clients) if (res.headersSent) res.write(frame);
  }
}
