import { problemOf, startService, type Running } from './helpers';

const started: Running[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => running.stop()));
});

async function serviceWith(setup: Parameters<typeof startService>[1], env: Record<string, string> = {}) {
  const running = await startService({ READINESS_TIMEOUT_MS: '200', ...env }, setup);
  started.push(running);
  return running;
}

test('/healthz answers ok', async () => {
  const running = await serviceWith(() => {});
  const response = await fetch(`${running.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('all checks up: 200 ready with each check', async () => {
  const running = await serviceWith((service) => {
    service.addReadinessCheck('postgres', async () => {});
    service.addReadinessCheck('redis', async () => {});
  });
  const response = await fetch(`${running.url}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'ready',
    checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
  });
});

test('a failing critical check: 503 naming it', async () => {
  const running = await serviceWith((service) => {
    service.addReadinessCheck('postgres', async () => {
      throw new Error('connection refused');
    });
    service.addReadinessCheck('redis', async () => {});
  });
  const response = await fetch(`${running.url}/readyz`);
  expect(response.status).toBe(503);
  const body = await problemOf(response);
  expect(body.detail).toBe('not ready: postgres down');
  expect(body.checks).toMatchObject({
    postgres: { status: 'down', error: 'connection refused' },
    redis: { status: 'up' },
  });
});

test('a hanging check: 503 timeout after READINESS_TIMEOUT_MS', async () => {
  const running = await serviceWith((service) => {
    service.addReadinessCheck('postgres', async () => {});
    service.addReadinessCheck('hangs', () => new Promise(() => {}));
  });
  const started = Date.now();
  const response = await fetch(`${running.url}/readyz`);
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  expect(response.status).toBe(503);
  const body = await problemOf(response);
  expect(body.detail).toBe('not ready: hangs timeout');
  expect(body.checks).toMatchObject({ postgres: { status: 'up' }, hangs: { status: 'timeout' } });
});

test('checks run concurrently', async () => {
  // "first" only finishes once "second" has started: run one after the other, it would time out.
  let secondStarted: () => void = () => {};
  const second = new Promise<void>((resolve) => (secondStarted = resolve));
  const running = await serviceWith((service) => {
    service.addReadinessCheck('first', () => second);
    service.addReadinessCheck('second', async () => secondStarted());
  });
  const response = await fetch(`${running.url}/readyz`);
  expect(response.status).toBe(200);
});

test('a failing non-critical check is degraded and stays 200', async () => {
  const running = await serviceWith((service) => {
    service.addReadinessCheck('postgres', async () => {});
    service.addReadinessCheck(
      'redis',
      async () => {
        throw new Error('NOAUTH');
      },
      { critical: false },
    );
  });
  const response = await fetch(`${running.url}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'ready',
    checks: { postgres: { status: 'up' }, redis: { status: 'degraded', error: 'NOAUTH' } },
  });
});

test('registering the same check name twice is refused', async () => {
  await expect(
    serviceWith((service) => {
      service.addReadinessCheck('postgres', async () => {});
      service.addReadinessCheck('postgres', async () => {});
    }),
  ).rejects.toThrow('already registered');
});
