import { loadConfig } from '@eks-sre-lab/kit';
import { createGateway } from './app';
import { configSchema } from './config';

export async function main(): Promise<void> {
  const config = loadConfig(configSchema);
  const service = createGateway(config);
  await service.listen();
  service.handleSignals();
}
