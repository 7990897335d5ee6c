/** One load-generator run: a fixed time at a fixed concurrency against one URL. */
export interface LoadSpec {
  /** Absolute URL; its path is the request path unless `pathIds` is set. */
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSec: number;
  /** Replace `:id` in the URL path with these values, cycling per request (cache-miss cases). */
  pathIds?: readonly number[];
  /** Send a fresh `Idempotency-Key` header on every request (order creation). */
  uniqueIdempotencyKey?: boolean;
}

/** What one run measured. Latencies in milliseconds. */
export interface LoadResult {
  generator: 'wrk' | 'autocannon';
  requests: number;
  durationSec: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses with a status outside 2xx (wrk can only count status >= 400). */
  non2xx: number;
  /** Connect/read/write errors and timeouts. */
  socketErrors: number;
  /** CPU the load generator itself used, in percent of one core (sampled from /proc). */
  generatorCpuPercent?: number;
}

export interface LoadGenerator {
  readonly name: LoadResult['generator'];
  run(spec: LoadSpec): Promise<LoadResult>;
}
