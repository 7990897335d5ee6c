import express from 'express';
import { problem } from '../src';
import { startService, type Running } from './helpers';

let running: Running;

beforeAll(async () => {
  running = await startService({}, ({ app }) => {
    const router = express.Router();
    router.get('/x/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    router.get('/fail/:id', () => {
      throw problem.conflict('nope');
    });
    app.use('/api', router);
  });
});

afterAll(() => running.stop());

async function metricsText(): Promise<string> {
  const response = await fetch(`${running.url}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

function seriesOf(text: string, metric: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${metric}{`));
}

test('requests are labelled by route template, not raw path', async () => {
  await fetch(`${running.url}/api/x/1`);
  await fetch(`${running.url}/api/x/2`);
  const series = seriesOf(await metricsText(), 'http_requests_total').filter((line) =>
    line.includes('/api/x'),
  );
  expect(series).toEqual(['http_requests_total{method="GET",route="/api/x/:id",status_code="200"} 2']);
});

test('errors thrown inside a router keep the full template; unknown routes are "unmatched"', async () => {
  await fetch(`${running.url}/api/fail/7`);
  await fetch(`${running.url}/no/such/7`);
  await fetch(`${running.url}/no/such/8`);
  const text = await metricsText();
  expect(seriesOf(text, 'http_requests_total')).toEqual(
    expect.arrayContaining([
      'http_requests_total{method="GET",route="/api/fail/:id",status_code="409"} 1',
      'http_requests_total{method="GET",route="unmatched",status_code="404"} 2',
    ]),
  );
  expect(text).not.toContain('/no/such');
});

test('latency histogram and process default metrics are exposed', async () => {
  await fetch(`${running.url}/api/x/3`);
  const text = await metricsText();
  expect(text).toMatch(
    /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/x\/:id",status_code="200"\}/,
  );
  expect(text).toContain('process_cpu_user_seconds_total');
  expect(text).toContain('nodejs_eventloop_lag_seconds');
});
