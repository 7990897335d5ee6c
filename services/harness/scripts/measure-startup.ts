// Measures how long the harness takes to start a throwaway PostgreSQL and Redis, the way the Jest global
// setup does it (both at once), plus each alone. Prints every run and the median of the runs.
// Usage: npm run measure:startup -w services/harness [-- --runs 5]
import { performance } from 'node:perf_hooks';
import { withClient } from '../src/database';
import { startPostgres } from '../src/postgres';
import { ping, startRedis } from '../src/redis';

interface Sample {
  postgresMs: number;
  redisMs: number;
  bothMs: number;
}

const timed = async <T>(start: () => Promise<T>): Promise<[T, number]> => {
  const begin = performance.now();
  const value = await start();
  return [value, performance.now() - begin];
};

/** Starts, proves it answers (SQL round trip / PING), stops; answers the start time only. */
async function postgresOnce(): Promise<number> {
  const [pg, ms] = await timed(() => startPostgres());
  try {
    await withClient(pg.url, (client) => client.query('SELECT 1'));
  } finally {
    await pg.stop();
  }
  return ms;
}

async function redisOnce(): Promise<number> {
  const [redis, ms] = await timed(() => startRedis());
  try {
    if (!(await ping(redis.port))) throw new Error(`redis on ${redis.url} did not answer PING`);
  } finally {
    await redis.stop();
  }
  return ms;
}

/** Both at once, as the Jest global setup starts them. */
async function bothOnce(): Promise<number> {
  const [[pg, redis], ms] = await timed(() => Promise.all([startPostgres(), startRedis()]));
  try {
    await withClient(pg.url, (client) => client.query('SELECT 1'));
    if (!(await ping(redis.port))) throw new Error(`redis on ${redis.url} did not answer PING`);
  } finally {
    await Promise.all([pg.stop(), redis.stop()]);
  }
  return ms;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function parseRuns(argv: string[]): number {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs must be an integer 1..20');
  return runs;
}

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  const samples: Sample[] = [];
  for (let i = 1; i <= runs; i++) {
    // Sequential, never overlapping, so one measurement does not slow another.
    const sample = { postgresMs: await postgresOnce(), redisMs: await redisOnce(), bothMs: await bothOnce() };
    samples.push(sample);
    console.log(
      `run ${i}: postgres ${sample.postgresMs.toFixed(0)} ms, redis ${sample.redisMs.toFixed(0)} ms, ` +
        `both at once (as the Jest global setup) ${sample.bothMs.toFixed(0)} ms`,
    );
  }
  const med = (key: keyof Sample) => median(samples.map((s) => s[key])).toFixed(0);
  console.log(
    `median of ${runs}: postgres ${med('postgresMs')} ms, redis ${med('redisMs')} ms, ` +
      `both at once ${med('bothMs')} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
