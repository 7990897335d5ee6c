/** Latency bucket upper bounds in ms (log-spaced); a p95 is the bound of the bucket it falls in. */
const BOUNDS_MS = [
  1,
  2,
  3,
  5,
  7,
  10,
  15,
  20,
  30,
  50,
  75,
  100,
  150,
  200,
  300,
  500,
  750,
  1000,
  1500,
  2000,
  3000,
  5000,
  10000,
  30000,
  Infinity,
];

interface Bucket {
  second: number;
  count: number;
  errors: number;
  histogram: Uint32Array;
}

export interface RouteSummary {
  route: string;
  requests: number;
  ratePerSecond: number;
  errorRate: number;
  p95Ms: number | null;
}

/** Per-route request counts, 5xx share and latency over the last `windowSeconds`, one bucket a second. */
export class RollingStats {
  private readonly routes = new Map<string, Bucket[]>();

  constructor(private readonly windowSeconds: number) {}

  record(route: string, status: number, durationMs: number, now = Date.now()): void {
    const bucket = this.bucketFor(route, Math.floor(now / 1000));
    bucket.count++;
    if (status >= 500) bucket.errors++;
    let index = 0;
    while (durationMs > BOUNDS_MS[index]!) index++;
    bucket.histogram[index]!++;
  }

  summary(now = Date.now()): RouteSummary[] {
    const oldest = Math.floor(now / 1000) - this.windowSeconds + 1;
    const result: RouteSummary[] = [];
    for (const [route, buckets] of this.routes) {
      const live = buckets.filter((b) => b.second >= oldest);
      const requests = live.reduce((sum, b) => sum + b.count, 0);
      if (requests === 0) continue;
      const errors = live.reduce((sum, b) => sum + b.errors, 0);
      result.push({
        route,
        requests,
        ratePerSecond: round(requests / this.windowSeconds),
        errorRate: round(errors / requests),
        p95Ms: percentile(live, requests, 0.95),
      });
    }
    return result.sort((a, b) => a.route.localeCompare(b.route));
  }

  private bucketFor(route: string, second: number): Bucket {
    let buckets = this.routes.get(route);
    if (!buckets) {
      buckets = [];
      this.routes.set(route, buckets);
    }
    const slot = second % this.windowSeconds;
    let bucket = buckets[slot];
    if (!bucket || bucket.second !== second) {
      bucket = { second, count: 0, errors: 0, histogram: new Uint32Array(BOUNDS_MS.length) };
      buckets[slot] = bucket;
    }
    return bucket;
  }
}

function percentile(buckets: Bucket[], total: number, q: number): number | null {
  const rank = Math.ceil(total * q);
  let seen = 0;
  for (let i = 0; i < BOUNDS_MS.length; i++) {
    for (const bucket of buckets) seen += bucket.histogram[i]!;
    if (seen >= rank) return Number.isFinite(BOUNDS_MS[i]) ? BOUNDS_MS[i]! : null;
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
