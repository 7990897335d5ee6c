import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Downstream } from '../../src/downstream/downstream';
import { DownstreamHttpError, HttpClient } from '../../src/downstream/http-client';

/** A loopback HTTP server whose next answers the test scripts: a status code, or a delay. */
async function scriptedServer() {
  const state = { status: 200, delayMs: 0, requests: 0 };
  const server = http.createServer((_req, res) => {
    state.requests++;
    setTimeout(() => {
      res.writeHead(state.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: state.status }));
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { state, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('Downstream (breaker + retry over a keep-alive pool)', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  let downstream: Downstream;

  // Generous timings where timing is not under test: the 2-core machine is shared, and a healthy call
  // must never trip a timeout, nor an open breaker go half-open before the test has looked at it.
  const breakerWith = (breaker: { timeoutMs: number; resetMs: number }) =>
    new Downstream(
      'svc',
      new HttpClient('svc', server.url, { connections: 4, keepAliveMs: 5_000, socketTimeoutMs: 5_000 }),
      { failureThreshold: 3, ...breaker },
      { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 2 },
    );

  beforeEach(async () => {
    server = await scriptedServer();
    downstream = breakerWith({ timeoutMs: 2_000, resetMs: 10_000 });
  });

  afterEach(async () => {
    await downstream.close();
    server.state.delayMs = 0;
    await server.close();
  });

  it('passes 4xx answers through as successes: they never open the breaker', async () => {
    server.state.status = 404;
    for (let i = 0; i < 5; i++) {
      await expect(downstream.call({ method: 'GET', path: '/x' })).resolves.toMatchObject({ status: 404 });
    }
    expect(downstream.state).toBe('closed');
  });

  it('opens after the configured consecutive failures, then rejects without calling', async () => {
    server.state.status = 500;
    for (let i = 0; i < 3; i++) {
      await expect(downstream.call({ method: 'GET', path: '/x' })).rejects.toBeInstanceOf(
        DownstreamHttpError,
      );
    }
    expect(downstream.state).toBe('open');
    const before = server.state.requests;
    await expect(downstream.call({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'EOPENBREAKER',
    });
    expect(server.state.requests).toBe(before);
    const retryAfter = downstream.retryAfterSeconds(); // the rest of the 10 s reset, rounded up
    expect(retryAfter).toBeGreaterThanOrEqual(9);
    expect(retryAfter).toBeLessThanOrEqual(10);
  });

  it('counts calls in its window without keeping a latency per call (no per-second sort of them)', async () => {
    for (let i = 0; i < 3; i++) await downstream.call({ method: 'GET', path: '/x' });
    expect(downstream.snapshot().window).toMatchObject({ fires: 3, successes: 3, failures: 0 });
    expect(downstream.breaker.stats.latencyTimes).toEqual([]);
  });

  it('a success in between resets the consecutive count', async () => {
    for (const status of [500, 500, 200, 500, 500]) {
      server.state.status = status;
      await downstream.call({ method: 'GET', path: '/x' }).catch(() => undefined);
    }
    expect(downstream.state).toBe('closed');
    expect(downstream.snapshot().consecutiveFailures).toBe(2);
  });

  it('times out slow calls (ETIMEDOUT) and closes again after a good half-open trial', async () => {
    await downstream.close();
    downstream = breakerWith({ timeoutMs: 300, resetMs: 200 });
    server.state.delayMs = 1_500;
    for (let i = 0; i < 3; i++) {
      await expect(downstream.call({ method: 'GET', path: '/x' })).rejects.toMatchObject({
        code: 'ETIMEDOUT',
      });
    }
    expect(downstream.state).toBe('open');
    server.state.delayMs = 0;
    await new Promise((r) => setTimeout(r, 250));
    expect(downstream.state).toBe('halfOpen');
    await expect(downstream.call({ method: 'GET', path: '/x' })).resolves.toMatchObject({ status: 200 });
    expect(downstream.state).toBe('closed');
  });

  it('retries GETs on 503 but never POSTs', async () => {
    const retrying = new Downstream(
      'svc',
      new HttpClient('svc', server.url, { connections: 2, keepAliveMs: 5_000, socketTimeoutMs: 2_000 }),
      { failureThreshold: 100, timeoutMs: 1_000, resetMs: 1_000 },
      { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    );
    server.state.status = 503;
    await expect(retrying.call({ method: 'GET', path: '/x' })).rejects.toBeInstanceOf(DownstreamHttpError);
    expect(server.state.requests).toBe(3);
    await expect(retrying.call({ method: 'POST', path: '/x', body: {} })).rejects.toBeInstanceOf(
      DownstreamHttpError,
    );
    expect(server.state.requests).toBe(4);
    await retrying.close();
  });
});
