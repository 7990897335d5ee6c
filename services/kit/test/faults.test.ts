import { problemOf, startService, type Running } from './helpers';

const started: Running[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => running.stop()));
});

async function serviceWith(env: Record<string, string>): Promise<Running> {
  const running = await startService(env, ({ app }) => {
    app.get('/catalog/products/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    app.get('/orders/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
  });
  started.push(running);
  return running;
}

async function injections(running: Running): Promise<string[]> {
  const text = await (await fetch(`${running.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('fault_injections_total{'));
}

test('with no fault set, no request is touched', async () => {
  const running = await serviceWith({});
  for (let i = 0; i < 20; i += 1) {
    expect((await fetch(`${running.url}/catalog/products/${i}`)).status).toBe(200);
  }
  expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  expect(await injections(running)).toEqual([]);
  expect(running.logs.lines.filter((line) => String(line.msg).startsWith('fault injected'))).toEqual([]);
});

test('FAULT_ERROR_RATE=1 fails every matching request with the configured status, counted and logged', async () => {
  const running = await serviceWith({
    FAULT_ERROR_RATE: '1',
    FAULT_ERROR_STATUS: '503',
    FAULT_ROUTES: '/catalog/products/*',
  });
  for (let i = 0; i < 5; i += 1) {
    const response = await fetch(`${running.url}/catalog/products/${i}`);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).detail).toBe('injected fault');
  }
  // Non-matching routes and the kit's own endpoints are untouched.
  expect((await fetch(`${running.url}/orders/1`)).status).toBe(200);
  expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  expect(await injections(running)).toEqual([
    'fault_injections_total{kind="error",route="/catalog/products/*"} 5',
  ]);
  const warnings = running.logs.lines.filter((line) => line.msg === 'fault injected: error');
  expect(warnings).toHaveLength(5);
  expect(warnings[0]).toMatchObject({ level: 'warn', status: 503, route: '/catalog/products/*' });
  const text = await (await fetch(`${running.url}/metrics`)).text();
  expect(text).toContain('http_requests_total{method="GET",route="/catalog/products/*",status_code="503"} 5');
});

test('latency injection delays matching requests by at least the configured time', async () => {
  const running = await serviceWith({ FAULT_LATENCY_MS: '250', FAULT_ROUTES: '/orders/*' });
  const before = Date.now();
  const response = await fetch(`${running.url}/orders/9`);
  expect(Date.now() - before).toBeGreaterThanOrEqual(250);
  expect(response.status).toBe(200);
  expect(await injections(running)).toEqual(['fault_injections_total{kind="latency",route="/orders/*"} 1']);
});

test('FAULT_READINESS_FAIL makes /readyz answer 503', async () => {
  const running = await serviceWith({ FAULT_READINESS_FAIL: 'true' });
  const response = await fetch(`${running.url}/readyz`);
  expect(response.status).toBe(503);
  expect((await problemOf(response)).detail).toBe('not ready: readiness fault injected');
  expect(await injections(running)).toEqual(['fault_injections_total{kind="readiness",route="/readyz"} 1']);
});

test('admin API disabled: no admin port is listening', async () => {
  const running = await serviceWith({});
  expect(running.adminUrl).toBeUndefined();
  expect(running.logs.lines.find((line) => line.msg === 'kit-test listening')).not.toHaveProperty(
    'adminPort',
  );
});

test('admin API enabled: faults change at run time, validated', async () => {
  const running = await serviceWith({ FAULT_ADMIN_ENABLED: 'true' });
  const admin = `${running.adminUrl as string}/faults`;
  expect(await (await fetch(admin)).json()).toMatchObject({ errorRate: 0, latencyMs: 0, routes: ['*'] });

  const put = (body: unknown) =>
    fetch(admin, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  const invalid = await put({ errorRate: 2, routes: [] });
  expect(invalid.status).toBe(400);
  const fields = ((await problemOf(invalid)).errors as { field: string }[]).map((e) => e.field).sort();
  expect(fields).toEqual(['body.errorRate', 'body.routes']);

  expect((await put({ errorRate: 1, errorStatus: 502, routes: ['/orders/*'] })).status).toBe(200);
  expect((await fetch(`${running.url}/orders/1`)).status).toBe(502);
  expect((await fetch(`${running.url}/catalog/products/1`)).status).toBe(200);

  expect((await put({ readinessFail: true })).status).toBe(200);
  expect((await fetch(`${running.url}/readyz`)).status).toBe(503);

  expect((await fetch(admin, { method: 'DELETE' })).status).toBe(204);
  expect((await fetch(`${running.url}/orders/1`)).status).toBe(200);
  expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  // The admin API is not on the public port.
  expect((await fetch(`${running.url}/faults`)).status).toBe(404);
});
