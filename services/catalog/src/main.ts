import { loadConfig } from '@eks-sre-lab/kit';
import { createCatalog } from './app';
import { catalogConfigSchema } from './config';

/** Process entry (after tracing started): config from the environment, listen, drain on signals. */
export async function main(): Promise<void> {
  const config = loadConfig(catalogConfigSchema);
  const catalog = await createCatalog(config);
  catalog.service.handleSignals();
  await catalog.service.listen();
}
