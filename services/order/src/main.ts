import { loadConfig } from '@eks-sre-lab/kit';
import { createOrderApp } from './app';
import { configSchema } from './config';

export async function main(): Promise<void> {
  const config = loadConfig(configSchema);
  const app = await createOrderApp(config);
  app.service.handleSignals();
  await app.start();
}
