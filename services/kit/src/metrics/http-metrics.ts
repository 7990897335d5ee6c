import { Counter, Histogram, type Registry } from 'prom-client';

interface SeriesChildren {
  inc(): void;
  observe(seconds: number): void;
}

/** RED metrics of the HTTP server: request count and latency by method, route template and status. */
export class HttpMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status_code'>;
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  // prom-client hashes (sorts) the label object on every call; caching the label children per series
  // turns each observation into one Map lookup.
  private readonly series = new Map<string, SeriesChildren>();

  constructor(registry: Registry) {
    const labelNames = ['method', 'route', 'status_code'] as const;
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method, route template and status code',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  observe(method: string, route: string, statusCode: number, seconds: number): void {
    const key = `${method} ${route} ${statusCode}`;
    let children = this.series.get(key);
    if (!children) {
      const labels = { method, route, status_code: String(statusCode) };
      const counter = this.requests.labels(labels);
      const histogram = this.duration.labels(labels);
      children = { inc: () => counter.inc(), observe: (s) => histogram.observe(s) };
      this.series.set(key, children);
    }
    children.inc();
    children.observe(seconds);
  }
}
