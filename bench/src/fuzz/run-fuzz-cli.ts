import { startStack } from '@eks-sre-lab/stack';
import type { BenchOptions } from '../options';
import { replaceReadmeSection, writeJson } from '../report/write-results';
import { fuzzTable, runFuzzSuite } from './suite';

/** `npm run bench -- --fuzz`: the long hostile-input run against a fresh stack. */
export async function runFuzzBench(o: BenchOptions, argv: string[]): Promise<boolean> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log('starting the stack for the fuzz run');
  const stack = await startStack({ port: 0 });
  try {
    const started = Date.now();
    const result = await runFuzzSuite(
      { main: stack.urls.main, catalog: stack.urls.catalog, order: stack.urls.order },
      { runs: o.fuzzRuns, seed: o.seed, log },
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    const markdown = [
      `Run: \`npm run bench -- ${argv.join(' ')}\` — ${seconds} s.`,
      '',
      fuzzTable(result),
    ].join('\n');
    log(`\n${markdown}`);
    if (o.write) {
      await writeJson('fuzz-results.json', result);
      await replaceReadmeSection('bench:fuzz', markdown);
    }
    return result.ok;
  } finally {
    await stack.stop();
  }
}
