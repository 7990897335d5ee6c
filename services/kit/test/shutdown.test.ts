import { request } from 'node:http';
import { startFixture, type Child } from './child';

jest.setTimeout(30_000);

let child: Child | undefined;

afterEach(() => {
  if (child && child.process.exitCode === null) child.process.kill('SIGKILL');
});

/** A GET on a fresh connection (no keep-alive), resolving with status, headers and body. */
function get(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('SIGTERM: readiness turns 503 at once, the in-flight request completes, hooks run in reverse, exit 0', async () => {
  const started = await startFixture({ SHUTDOWN_DRAIN_MS: '10000' });
  child = started.child;
  expect((await get(`${started.url}/readyz`)).status).toBe(200);

  const slow = get(`${started.url}/slow?ms=1500`);
  // Let the slow request reach its handler before the signal.
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.process.kill('SIGTERM');
  await child.waitForLine((line) => line.msg === 'shutdown: draining');

  const readyz = await get(`${started.url}/readyz`);
  expect(readyz.status).toBe(503);
  expect(JSON.parse(readyz.body)).toMatchObject({ status: 503, detail: 'draining: shutdown in progress' });
  expect(readyz.headers.connection).toBe('close');

  const finished = await slow;
  expect(finished.status).toBe(200);
  expect(JSON.parse(finished.body)).toEqual({ done: true });
  expect(finished.headers.connection).toBe('close');

  expect(await child.exited).toBe(0);
  const messages = child.lines.map((line) => line.msg);
  expect(messages.indexOf('hook: last registered')).toBeLessThan(messages.indexOf('hook: first registered'));
  expect(messages).toContain('shutdown complete');
});

test('a request longer than SHUTDOWN_DRAIN_MS is cut off and the process still exits', async () => {
  const started = await startFixture({ SHUTDOWN_DRAIN_MS: '300' });
  child = started.child;
  const slow = get(`${started.url}/slow?ms=5000`).catch((err: Error) => err);
  await new Promise((resolve) => setTimeout(resolve, 200));
  child.process.kill('SIGTERM');
  expect(await child.exited).toBe(0);
  expect(await slow).toHaveProperty('message'); // the connection was cut
  expect(child.lines.map((line) => line.msg)).toContain('shutdown: drain time ran out');
});
