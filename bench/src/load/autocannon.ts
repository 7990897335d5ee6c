import { join } from 'node:path';
import type { LoadGenerator, LoadResult, LoadSpec } from './types';
import { runChild } from './wrk';

/** autocannon in a child Node process (so it never shares the event loop with anything measured). */
export function autocannonGenerator(options: { cpuList?: string } = {}): LoadGenerator {
  const child = join(__dirname, 'autocannon-child.js');
  return {
    name: 'autocannon',
    async run(spec: LoadSpec): Promise<LoadResult> {
      const nodeArgs = [child, JSON.stringify(spec)];
      const { stdout, cpu } = options.cpuList
        ? await runChild('taskset', ['-c', options.cpuList, process.execPath, ...nodeArgs])
        : await runChild(process.execPath, nodeArgs);
      const line = stdout.trim().split('\n').pop() ?? '';
      return { ...(JSON.parse(line) as LoadResult), generatorCpuPercent: cpu };
    },
  };
}
