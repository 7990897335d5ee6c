import { parseConfig } from '@eks-sre-lab/kit';
import { testDatabase } from '@eks-sre-lab/harness';
import { createOrderApp, type OrderApp } from '../../src/app';
import { configSchema } from '../../src/config';

export interface RunningOrderApp {
  url: string;
  databaseUrl: string;
  app: OrderApp;
  stop(): Promise<boolean>;
}

/** The real service in-process on a loopback port, migrated onto a fresh database. */
export async function startOrderApp(env: Record<string, string> = {}): Promise<RunningOrderApp> {
  const databaseUrl = env.DATABASE_URL ?? (await testDatabase('order'));
  const config = parseConfig(configSchema, {
    REDIS_URL: process.env.REDIS_URL,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    MIGRATE_ON_START: 'true',
    OUTBOX_POLL_MS: '50',
    OUTBOX_BACKOFF_BASE_MS: '50',
    OUTBOX_BACKOFF_MAX_MS: '400',
    REDIS_COMMAND_TIMEOUT_MS: '500',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const app = await createOrderApp(config);
  const { port } = await app.start();
  return { url: `http://127.0.0.1:${port}`, databaseUrl, app, stop: () => app.service.shutdown() };
}
