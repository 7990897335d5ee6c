import { autocannonGenerator } from './autocannon';
import type { LoadGenerator } from './types';
import { wrkAvailable, wrkGenerator } from './wrk';

export type GeneratorChoice = 'auto' | 'wrk' | 'autocannon';

/** wrk when installed (a C client costs the shared cores less), autocannon otherwise. */
export function chooseGenerator(
  choice: GeneratorChoice,
  opts: { threads: number; cpuList?: string },
): LoadGenerator {
  if (choice === 'wrk' || (choice === 'auto' && wrkAvailable())) return wrkGenerator(opts);
  return autocannonGenerator(opts);
}

export type { LoadGenerator, LoadResult, LoadSpec } from './types';
