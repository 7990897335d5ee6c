// Jest global teardown: stops what global-setup started (nothing when the URLs were given).
import { forgetAll } from './datastores';

export default async function globalTeardown(): Promise<void> {
  const started = forgetAll();
  await Promise.all(started.flatMap(({ postgres, redis }) => [postgres?.stop(), redis?.stop()]));
  for (const { postgres, redis } of started) {
    if (postgres && process.env.DATABASE_URL === postgres.url) delete process.env.DATABASE_URL;
    if (redis && process.env.REDIS_URL === redis.url) delete process.env.REDIS_URL;
  }
}
