import { loadConfig } from '@eks-sre-lab/kit';
import { createGateway } from './app';
import { configSchema } from './config';

export async function main(): Promise<void> {
  const config = loadConfig(configSchema);
  const gateway = createGateway(config);
  await gateway.listen();
  // Before the kit's own handler: end the event streams so the drain only waits for real requests.
  const endStreams = () => gateway.endStreams();
  process.once('SIGTERM', endStreams);
  process.once('SIGINT', endStreams);
  gateway.service.handleSignals();
}
