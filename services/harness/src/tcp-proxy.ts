import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface TcpProxyOptions {
  targetPort: number;
  targetHost?: string;
  /** Fixed listen port; default: a free loopback port. */
  port?: number;
}

export interface TcpProxyHandle {
  host: string;
  /** Loopback port clients connect to instead of the target. */
  port: number;
  /** Delays every forwarded chunk, in both directions, by `ms` (0 = off). Order is kept. */
  setLatency(ms: number): void;
  /**
   * true: resets open connections and stops listening (new connections are refused);
   * false: listens again on the same port. Resolves once the change is in effect.
   */
  setDown(down: boolean): Promise<void>;
  /** Open client connections. */
  connectionCount(): number;
  /** Client connections accepted since start, refused ones while down excluded: did a client call at all? */
  acceptedCount(): number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Copies `from` into `to`, holding each chunk until `latency()` ms after it arrived. Backpressure is kept:
 * `from` pauses while `to` is full. The end of `from` is forwarded after the data queued before it.
 */
function forward(from: net.Socket, to: net.Socket, latency: () => number): void {
  const queue: { chunk: Buffer | null; due: number }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const deliver = (chunk: Buffer | null) => {
    if (chunk === null) to.end();
    else if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  };
  const flush = () => {
    timer = undefined;
    const now = performance.now();
    while (queue[0] && queue[0].due <= now) deliver(queue.shift()!.chunk);
    if (queue[0]) timer = setTimeout(flush, Math.ceil(queue[0].due - now));
  };
  const push = (chunk: Buffer | null) => {
    const ms = latency();
    if (ms <= 0 && queue.length === 0) return deliver(chunk);
    queue.push({ chunk, due: performance.now() + ms });
    timer ??= setTimeout(flush, ms);
  };

  from.on('data', push);
  from.on('end', () => push(null));
  from.on('close', () => clearTimeout(timer));
}

/** Sends RST (not FIN) on a live socket; a socket already going away is just destroyed. */
function reset(socket: net.Socket): void {
  if (socket.destroyed) return;
  if (socket.writableEnded || socket.connecting) socket.destroy();
  else socket.resetAndDestroy();
}

class TcpProxy implements TcpProxyHandle {
  readonly host = HOST;
  private latencyMs = 0;
  private down = false;
  private accepted = 0;
  /** Open connections: the client socket and its upstream socket. */
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  private server: net.Server | undefined;

  constructor(
    private readonly options: TcpProxyOptions,
    public port = options.port ?? 0,
  ) {}

  async listen(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, HOST, () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  private accept(client: net.Socket): void {
    if (this.down) return void reset(client);
    this.accepted++;
    const upstream = net.connect({ port: this.options.targetPort, host: this.options.targetHost ?? HOST });
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    for (const socket of pair) {
      socket.setNoDelay(true);
      socket.on('error', () => undefined); // surfaces as 'close' below
    }
    client.once('close', () => this.pairs.delete(pair));
    // Either side failing or closing closes the other (a half-close travels through forward()).
    client.once('close', () => reset(upstream));
    upstream.once('close', () => reset(client));
    forward(client, upstream, () => this.latencyMs);
    forward(upstream, client, () => this.latencyMs);
  }

  connectionCount(): number {
    return this.pairs.size;
  }

  acceptedCount(): number {
    return this.accepted;
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be >= 0 ms, got ${ms}`);
    this.latencyMs = ms;
  }

  async setDown(down: boolean): Promise<void> {
    if (down === this.down) return;
    this.down = down;
    if (down) await this.close();
    else await this.listen();
  }

  private async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const pair of this.pairs) pair.forEach(reset);
    this.pairs.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  async stop(): Promise<void> {
    this.down = true;
    await this.close();
  }
}

/** A TCP proxy on loopback for fault injection (latency, outages) in front of `targetPort`. */
export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxyHandle> {
  const proxy = new TcpProxy(options);
  await proxy.listen();
  return proxy;
}
