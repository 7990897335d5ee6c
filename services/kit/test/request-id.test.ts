import { startService, type Running } from './helpers';

let running: Running;

beforeAll(async () => {
  running = await startService({}, ({ app }) => {
    app.get('/work', (req, res) => {
      req.log.info({ step: 'inside handler' }, 'doing work');
      res.json({ requestId: req.requestId, traceId: req.traceId });
    });
  });
});

afterAll(() => running.stop());

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('a given X-Request-Id is echoed and on every log line of the request, with the trace id', async () => {
  const response = await fetch(`${running.url}/work`, { headers: { 'X-Request-Id': 'client-abc.123' } });
  expect(response.headers.get('x-request-id')).toBe('client-abc.123');
  const body = (await response.json()) as { requestId: string; traceId: string };
  expect(body.requestId).toBe('client-abc.123');
  expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);

  const lines = running.logs.withRequestId('client-abc.123');
  expect(lines.map((line) => line.msg).sort()).toEqual(['doing work', 'request completed']);
  for (const line of lines) expect(line.traceId).toBe(body.traceId);
  expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({
    method: 'GET',
    route: '/work',
    statusCode: 200,
    service: 'kit-test',
  });
});

test('a request id is generated when absent', async () => {
  const response = await fetch(`${running.url}/work`);
  const id = response.headers.get('x-request-id') as string;
  expect(id).toMatch(uuid);
  expect(running.logs.withRequestId(id)).toHaveLength(2);
});

test.each([
  ['too long', 'a'.repeat(129)],
  ['unsafe characters', 'abc\\"}{"level":"fatal'],
  ['spaces', 'two words'],
])('a hostile request id (%s) is replaced', async (_case, hostile) => {
  const response = await fetch(`${running.url}/work`, { headers: { 'X-Request-Id': hostile } });
  const id = response.headers.get('x-request-id') as string;
  expect(id).toMatch(uuid);
  expect(running.logs.lines.some((line) => line.requestId === hostile)).toBe(false);
});

test('an incoming traceparent keeps its trace id', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const response = await fetch(`${running.url}/work`, {
    headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
  });
  expect(((await response.json()) as { traceId: string }).traceId).toBe(traceId);
});

test('helmet security headers are set', async () => {
  const response = await fetch(`${running.url}/healthz`);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('x-powered-by')).toBeNull();
});
