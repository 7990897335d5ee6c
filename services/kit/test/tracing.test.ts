import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFixture, type Child } from './child';

jest.setTimeout(30_000);

let upstream: Server;
let upstreamUrl: string;
let child: Child | undefined;

beforeAll(async () => {
  // Stands in for a downstream service: answers with the traceparent it received.
  upstream = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ traceparent: req.headers.traceparent ?? null }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterEach(async () => {
  if (child && child.process.exitCode === null) {
    child.process.kill('SIGTERM');
    await child.exited;
  }
});

afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});

interface ProxyAnswer {
  traceId: string;
  spanId: string;
  upstream: { traceparent: string | null };
}

test('an outgoing call with traceHeaders(req) carries traceparent with the request trace id (no exporter configured)', async () => {
  const started = await startFixture({ UPSTREAM_URL: upstreamUrl });
  child = started.child;
  const traceId = '0af7651916cd43dd8448eb211c80319c';

  const response = await fetch(`${started.url}/proxy`, {
    headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01`, 'x-request-id': 'trace-test-1' },
  });
  const answer = (await response.json()) as ProxyAnswer;
  expect(answer.traceId).toBe(traceId);
  // Parent of the downstream hop is this service's span, and the sampled flag is kept.
  expect(answer.upstream.traceparent).toBe(`00-${traceId}-${answer.spanId}-01`);

  const line = await child.waitForLine(
    (l) => l.requestId === 'trace-test-1' && l.msg === 'request completed',
  );
  expect(line.traceId).toBe(traceId);
  // A handler's own line (req.log) carries the same ids, with no async context involved.
  const handlerLine = await child.waitForLine((l) => l.requestId === 'trace-test-1' && l.msg === 'proxying');
  expect(handlerLine).toMatchObject({ traceId, spanId: answer.spanId });

  // Without an incoming traceparent a new trace starts, and still propagates.
  const fresh = (await (await fetch(`${started.url}/proxy`)).json()) as ProxyAnswer;
  expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(fresh.upstream.traceparent).toBe(`00-${fresh.traceId}-${fresh.spanId}-00`);
});

test('with OTEL_EXPORTER_OTLP_ENDPOINT set, spans are exported over OTLP/HTTP and fetch propagates once', async () => {
  const received: { url: string; body: string }[] = [];
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const started = await startFixture({ UPSTREAM_URL: upstreamUrl, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    child = started.child;
    const traceId = '5b8efff798038103d269b633813fc60c';
    const response = await fetch(`${started.url}/proxy`, {
      headers: { traceparent: `00-${traceId}-eee19b7ec3c1b174-01` },
    });
    const answer = (await response.json()) as ProxyAnswer;
    expect(answer.traceId).toBe(traceId);
    const [, upstreamTrace, upstreamParent] = (answer.upstream.traceparent ?? '').split('-');
    expect(upstreamTrace).toBe(traceId);
    expect(upstreamParent).not.toBe(answer.spanId); // the client span of the fetch sits in between
    expect(answer.upstream.traceparent).not.toContain(','); // injected once, not also by traceHeaders(req)

    child.process.kill('SIGTERM'); // shutdown flushes the batch processor
    expect(await child.exited).toBe(0);
    const exported = received.filter((request) => request.url === '/v1/traces').map((r) => r.body);
    expect(exported.join('')).toContain(traceId);
  } finally {
    await new Promise((resolve) => collector.close(resolve));
  }
});
