import { parseConfig } from '@eks-sre-lab/kit';
import { createGateway } from '../../src/app';
import { configSchema } from '../../src/config';

export interface GatewayHandle {
  url: string;
  stop(): Promise<void>;
}

/** The gateway in-process on a free loopback port, against the run's Redis; `env` overrides. */
export async function startGateway(env: Record<string, string>): Promise<GatewayHandle> {
  const config = parseConfig(configSchema, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error', // 4xx lines are warnings: the bad-input tables would flood the test output
    SHUTDOWN_DRAIN_MS: '200',
    REDIS_URL: process.env.REDIS_URL,
    S3_BUCKET: 'uploads',
    ...env,
  });
  const gateway = createGateway(config);
  const { port } = await gateway.listen();
  return { url: `http://127.0.0.1:${port}`, stop: () => gateway.shutdown().then(() => undefined) };
}

/** JSON request helper: answers status, headers and the parsed body (problem+json included). */
export async function call(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  const body: any = type.includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body, type };
}
