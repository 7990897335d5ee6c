// Runs in its own process: `node autocannon-child.js '<LoadSpec JSON>'` prints one JSON LoadResult line.
// autocannon has no type definitions, hence the narrow local interface below.
import * as hdr from 'hdr-histogram-js';
import type { LoadResult, LoadSpec } from './types';

interface RequestParams {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
const autocannon = require('autocannon') as Autocannon;

function requestFor(spec: LoadSpec, runId: string): Record<string, unknown> {
  const url = new URL(spec.url);
  const path = url.pathname + url.search;
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (spec.body !== undefined) headers['content-type'] ??= 'application/json';
  let counter = 0;
  return {
    method: spec.method ?? 'GET',
    path,
    headers,
    body: spec.body,
    setupRequest(req: RequestParams): RequestParams {
      counter += 1;
      const next = { ...req, headers: { ...req.headers } };
      if (spec.pathIds) next.path = path.replace(':id', String(spec.pathIds[counter % spec.pathIds.length]));
      if (spec.uniqueIdempotencyKey) next.headers['idempotency-key'] = `${runId}-${counter}`;
      return next;
    },
  };
}

function main(): void {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000 });
  let non2xx = 0;
  const url = new URL(spec.url);
  const instance = autocannon(
    {
      url: url.origin,
      connections: spec.connections,
      duration: spec.durationSec,
      requests: [requestFor(spec, `a${Date.now().toString(36)}`)],
      timeout: 5,
    },
    (err, result) => {
      if (err) throw err;
      const durationSec = result.duration;
      const micros = (p: number): number => histogram.getValueAtPercentile(p) / 1000;
      const out: LoadResult = {
        generator: 'autocannon',
        requests: histogram.totalCount,
        durationSec,
        rps: histogram.totalCount / durationSec,
        p50: micros(50),
        p95: micros(95),
        p99: micros(99),
        non2xx,
        socketErrors: result.errors + result.timeouts,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    },
  );
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status < 200 || status > 299) non2xx += 1;
    histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  });
}

main();
