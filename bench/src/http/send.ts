import { Agent, request } from 'node:http';

/** A raw request (the fuzz suite's and the chaos load's). */
export interface FuzzRequest {
  method: string;
  /** Already percent-encoded where a real client would encode; may hold deliberately broken escapes. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Short description for failure messages. */
  label?: string;
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

const defaultAgent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request on a keep-alive connection; rejects only on transport errors. */
export function send(
  baseUrl: string,
  r: FuzzRequest,
  timeoutMs = 10_000,
  agent: Agent = defaultAgent,
): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(r.headers ?? {}) };
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

export function closeFuzzAgent(): void {
  defaultAgent.destroy();
}
