// Jest global setup (wired by workspaceJestConfig(__dirname, { datastores: true })): one throwaway
// PostgreSQL and one Redis for the whole run, exported to the test workers as DATABASE_URL / REDIS_URL.
// Variables that are already set win, and then nothing is started (CI or a developer's own servers).
import { startPostgres } from '../postgres';
import { startRedis } from '../redis';
import { remember } from './datastores';

export default async function globalSetup(): Promise<void> {
  const needPostgres = !process.env.DATABASE_URL;
  const needRedis = !process.env.REDIS_URL;
  const [postgres, redis] = await Promise.all([
    needPostgres ? startPostgres() : undefined,
    needRedis ? startRedis() : undefined,
  ]);
  remember({ postgres, redis });
  // Workers are spawned after global setup and inherit the parent's environment.
  if (postgres) process.env.DATABASE_URL = postgres.url;
  if (redis) process.env.REDIS_URL = redis.url;
}
