import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The local stand-in for a Kubernetes Service in front of replicas whose readiness is probed: requests go
 * round-robin to replicas whose `/readyz` answered 200 at the last probe. Like an endpoints update after
 * a failed readiness probe, a replica leaves rotation when its probe fails — and at once when it answers
 * with `Connection: close` (the kit's drain signal), the equivalent of the endpoint removal a preStop
 * delay waits for. A request whose connection was refused never reached a process, so it is retried on
 * the next replica (what a kube-proxy/ALB connection failure plus the client's connect retry amounts to).
 * `removeEndpoint` is what deleting a pod does: the endpoint goes before the preStop delay ends and the
 * process gets SIGTERM, so no new request races the server closing its idle keep-alive connections.
 */
export class RotationProxy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128 });
  private readonly ready: boolean[];
  /** Endpoints removed because their pod is terminating: no new requests, whatever the probe says. */
  private readonly terminating: boolean[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private server: Server | undefined;
  /** Requests retried on another replica because the first one refused the connection. */
  retriedRefusals = 0;
  /** Arrival times (ms) of every request except health probes: the downstream calls the caller made. */
  readonly arrivals: number[] = [];

  constructor(
    readonly name: string,
    private readonly replicas: string[],
    private readonly probeMs = 200,
  ) {
    this.ready = replicas.map(() => false);
    this.terminating = replicas.map(() => false);
  }

  /** Pod deletion: the endpoint leaves the rotation at once (before the preStop delay and SIGTERM). */
  removeEndpoint(i: number): void {
    this.terminating[i] = true;
  }

  /** A new pod on the same address: it rejoins once its readiness probe passes. */
  restoreEndpoint(i: number): void {
    this.terminating[i] = false;
  }

  async start(port = 0): Promise<string> {
    await this.probe();
    this.timer = setInterval(() => void this.probe(), this.probeMs);
    this.server = createServer((req, res) => void this.forward(req, res));
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.agent.destroy();
  }

  get readyCount(): number {
    return this.ready.filter((ready, i) => ready && !this.terminating[i]).length;
  }

  private async probe(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (base, i) => {
        try {
          const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(this.probeMs * 5) });
          this.ready[i] = res.status === 200;
          await res.body?.cancel();
        } catch {
          this.ready[i] = false;
        }
      }),
    );
  }

  private pick(exclude: Set<number>): number | undefined {
    for (let n = 0; n < this.replicas.length; n += 1) {
      const i = (this.next + n) % this.replicas.length;
      if (this.ready[i] && !this.terminating[i] && !exclude.has(i)) {
        this.next = i + 1;
        return i;
      }
    }
    return undefined;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^\/(healthz|readyz)\b/.test(req.url ?? '')) this.arrivals.push(Date.now());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const tried = new Set<number>();
    for (;;) {
      const i = this.pick(tried);
      if (i === undefined) return unavailable(res, `${this.name}: no ready replica`);
      tried.add(i);
      const outcome = await this.attempt(this.replicas[i]!, i, req, body, res);
      if (outcome !== 'refused') return;
      this.retriedRefusals += 1;
    }
  }

  private attempt(
    base: string,
    i: number,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'done' | 'refused'> {
    const url = new URL(base);
    return new Promise((resolve) => {
      const upstream = request(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.url,
          headers: endToEnd(req, body),
        },
        (answer) => {
          if (answer.headers.connection === 'close') this.ready[i] = false; // draining: out of rotation now
          const headers = { ...answer.headers };
          delete headers.connection;
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          answer.on('end', () => resolve('done'));
          answer.on('error', () => {
            res.destroy();
            resolve('done');
          });
        },
      );
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED') {
          this.ready[i] = false;
          resolve('refused');
          return;
        }
        if (!res.headersSent) unavailable(res, `${this.name}: ${err.message}`);
        else res.destroy();
        resolve('done');
      });
      upstream.end(body);
    });
  }
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
]);

/** The request's end-to-end headers (hop-by-hop ones belong to the client's connection, not ours). */
function endToEnd(req: IncomingMessage, body: Buffer): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  }
  if (body.length > 0 || req.headers['content-length'] !== undefined)
    headers['content-length'] = String(body.length);
  return headers;
}

function unavailable(res: ServerResponse, detail: string): void {
  res.writeHead(503, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail }));
}
