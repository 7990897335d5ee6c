import type { Redis } from 'ioredis';
import type { Logger } from '@eks-sre-lab/kit';
import type { CatalogMetrics } from '../metrics';
import { withCacheScripts, type CacheScripts } from './scripts';
import { SingleFlight } from './single-flight';

const ERROR_LOG_INTERVAL_MS = 10_000;

export interface CacheAsideOptions {
  redis: Redis;
  metrics: CatalogMetrics;
  logger: Logger;
  ttlSeconds: number;
  /** Prefix of every key (`catalog:`). */
  keyPrefix: string;
}

/** Which cache a key belongs to, for the metrics' `cache` label. */
export interface CacheKey {
  cache: string;
  /** Invalidation unit: one generation counter per namespace (`product:42`, `products`). */
  namespace: string;
  /** Entry within the namespace ('' when the namespace holds one entry). */
  entry: string;
}

/**
 * Cache-aside with generation keys and single-flight.
 *
 * - Read: one script returns the namespace's generation and the entry under it. Hit → done. Miss → one
 *   loader per (namespace, generation, entry) in this process, then store the JSON only if the generation
 *   is unchanged (atomic in Redis). A write bumps the generation after its commit, so a read that saw the
 *   old rows can neither be served under the new generation nor store under it.
 * - Redis errors never fail a read: they are counted (cache_errors_total), logged, and the loader answers.
 * - Generation keys have no TTL (entries do): run Redis with a `volatile-*` eviction policy so they are
 *   never evicted.
 */
export class CacheAside {
  private readonly redis: Redis & CacheScripts;
  private readonly flights = new SingleFlight();
  private lastLoggedAt = 0;

  constructor(private readonly options: CacheAsideOptions) {
    this.redis = withCacheScripts(options.redis);
  }

  private generationKey(namespace: string): string {
    return `${this.options.keyPrefix}gen:${namespace}`;
  }

  private entryKey(namespace: string, generation: string, entry: string): string {
    return `${this.options.keyPrefix}${namespace}:g${generation}:${entry}`;
  }

  async get<T>(key: CacheKey, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const json = await this.getJson(key, load);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  /**
   * Like `get`, but answers the value as JSON text: a hit is the stored string as it is (no parse and
   * re-serialize per request), a miss is serialized once, for the cache and the response alike.
   */
  async getJson<T>(key: CacheKey, load: () => Promise<T | undefined>): Promise<string | undefined> {
    const { metrics } = this.options;
    const cached = await this.read(key);
    if (cached && cached.value !== null) {
      metrics.cacheHits.inc({ cache: key.cache });
      return cached.value;
    }
    metrics.cacheMisses.inc({ cache: key.cache });
    const generation = cached?.generation;
    // Without Redis there is no generation; local invalidation (forget) still keeps flights fresh.
    const flightKey = `${key.namespace}\u0000${generation ?? '?'}\u0000${key.entry}`;
    return this.flights.run(flightKey, async () => {
      const value = await load();
      if (value === undefined) return undefined;
      const json = JSON.stringify(value);
      if (generation !== undefined) await this.store(key, generation, json);
      return json;
    });
  }

  /** Bumps the namespaces' generations: entries of older generations are never read again. */
  async invalidate(namespaces: string[]): Promise<void> {
    for (const namespace of namespaces) this.flights.forget(`${namespace}\u0000`);
    const bumps = namespaces.map((namespace) => this.redis.incr(this.generationKey(namespace)));
    for (const result of await Promise.allSettled(bumps)) {
      if (result.status === 'rejected') this.failed('invalidate', result.reason);
    }
  }

  private async read(key: CacheKey): Promise<{ generation: string; value: string | null } | undefined> {
    try {
      const prefix = `${this.options.keyPrefix}${key.namespace}:g`;
      const [generation, value] = await this.redis.cacheRead(
        this.generationKey(key.namespace),
        prefix,
        `:${key.entry}`,
      );
      return { generation, value };
    } catch (err) {
      this.failed('read', err);
      return undefined;
    }
  }

  private async store(key: CacheKey, generation: string, json: string): Promise<void> {
    try {
      await this.redis.cacheWriteIfGeneration(
        this.generationKey(key.namespace),
        this.entryKey(key.namespace, generation, key.entry),
        generation,
        json,
        this.options.ttlSeconds,
      );
    } catch (err) {
      this.failed('write', err);
    }
  }

  private failed(operation: string, err: unknown): void {
    this.options.metrics.cacheErrors.inc({ operation });
    // Every failure is counted; the log gets at most one line per interval, not one per request.
    const now = Date.now();
    if (now - this.lastLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastLoggedAt = now;
    this.options.logger.warn({ err, operation }, 'cache operation failed; answering from PostgreSQL');
  }
}
