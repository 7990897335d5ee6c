import type { Redis } from 'ioredis';

/**
 * Reads a namespace's generation and the entry stored under it in one round trip.
 * KEYS[1] generation key; ARGV[1] entry key prefix, ARGV[2] entry key suffix (entry = prefix..gen..suffix).
 * The entry key is derived inside the script, so this needs a non-cluster Redis (the seed's ElastiCache).
 */
const READ = `
local gen = redis.call('GET', KEYS[1]) or '0'
return {gen, redis.call('GET', ARGV[1] .. gen .. ARGV[2])}
`;

/**
 * Stores a value only if the generation is still the one the reader saw before querying PostgreSQL: a
 * read that fetched old rows before a write cannot re-populate the cache after the write's invalidation.
 * KEYS[1] generation key, KEYS[2] entry key; ARGV[1] expected generation, ARGV[2] value, ARGV[3] TTL s.
 */
const WRITE_IF_GENERATION = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1
`;

export interface CacheScripts {
  cacheRead(genKey: string, entryPrefix: string, entrySuffix: string): Promise<[string, string | null]>;
  cacheWriteIfGeneration(
    genKey: string,
    entryKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<number>;
}

/** Registers the scripts (EVALSHA, falling back to EVAL after a Redis restart flushed the script cache). */
export function withCacheScripts(redis: Redis): Redis & CacheScripts {
  if (!('cacheRead' in redis)) {
    redis.defineCommand('cacheRead', { numberOfKeys: 1, lua: READ });
    redis.defineCommand('cacheWriteIfGeneration', { numberOfKeys: 2, lua: WRITE_IF_GENERATION });
  }
  return redis as Redis & CacheScripts;
}
