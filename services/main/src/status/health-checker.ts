import type { Redis } from 'ioredis';
import type { HttpClient } from '../downstream/http-client';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  httpStatus?: number;
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<string, DependencyHealth>;
  checkedAt: string;
}

/**
 * Probes each downstream's /readyz (directly, not through its breaker: health must see the real state)
 * and Redis. `cached()` shares one recent report between dashboard polls.
 */
export class HealthChecker {
  private last: { at: number; report: Promise<HealthReport> } | undefined;

  constructor(
    private readonly clients: HttpClient[],
    private readonly redis: Redis,
    private readonly timeoutMs: number,
  ) {}

  async check(): Promise<HealthReport> {
    const probes = [
      ...this.clients.map((client) => [client.name, () => this.probeHttp(client)] as const),
      ['redis', () => this.probeRedis()] as const,
    ];
    const results = await Promise.all(probes.map(async ([name, probe]) => [name, await probe()] as const));
    const checks = Object.fromEntries(results);
    const status = results.every(([, health]) => health.status === 'up') ? 'ok' : 'degraded';
    return { status, checks, checkedAt: new Date().toISOString() };
  }

  cached(maxAgeMs: number): Promise<HealthReport> {
    if (!this.last || Date.now() - this.last.at > maxAgeMs) {
      this.last = { at: Date.now(), report: this.check() };
    }
    return this.last.report;
  }

  private async probeHttp(client: HttpClient): Promise<DependencyHealth> {
    const start = performance.now();
    try {
      const res = await client.send({ method: 'GET', path: '/readyz', timeoutMs: this.timeoutMs });
      const up = res.status === 200;
      return { status: up ? 'up' : 'down', latencyMs: elapsed(start), httpStatus: res.status };
    } catch (error) {
      const httpStatus = (error as { response?: { status?: number } }).response?.status;
      return {
        status: 'down',
        latencyMs: elapsed(start),
        ...(httpStatus ? { httpStatus } : {}),
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private async probeRedis(): Promise<DependencyHealth> {
    const start = performance.now();
    try {
      await withTimeout(this.redis.ping(), this.timeoutMs);
      return { status: 'up', latencyMs: elapsed(start) };
    } catch (error) {
      return { status: 'down', latencyMs: elapsed(start), detail: (error as Error).message };
    }
  }
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
