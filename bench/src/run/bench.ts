import { startCeilings } from '../ceilings/ceiling-cases';
import { chooseGenerator } from '../load/index';
import type { BenchOptions } from '../options';
import { checkFloors } from '../report/floors';
import { machineFacts } from '../report/machine';
import { caseNotes, floorsTable, machineLine, resultsTable } from '../report/table';
import { replaceReadmeSection, writeJson } from '../report/write-results';
import type { BenchCase } from './cases';
import { runRounds } from './rounds';
import { startStackCases } from './stack-cases';

const SERVER_CPUS = '0';
const GENERATOR_CPUS = '1';

/** `npm run bench`: ceilings and stack cases, interleaved rounds, table + floors + results files. */
export async function runBench(o: BenchOptions, argv: string[]): Promise<boolean> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const gen = chooseGenerator(o.generator, {
    threads: o.threads,
    cpuList: o.pin ? GENERATOR_CPUS : undefined,
  });
  const facts = machineFacts(gen.name);
  log(`bench: ${machineLine(facts)}`);
  const ceilings = await startCeilings(o.pin ? SERVER_CPUS : undefined);
  let stack: { cases: BenchCase[]; stop(): Promise<void> } = { cases: [], stop: async () => undefined };
  try {
    if (o.stack) stack = await startStackCases({ log, logLevel: o.logLevel });
    const wanted = (c: BenchCase) => c.id.startsWith('ceiling-') || !o.only || o.only.includes(c.id);
    const cases = [...ceilings.cases, ...stack.cases].filter(wanted);
    const results = await runRounds(gen, cases, { ...o, log });
    const floors = checkFloors(results, o.connections);
    const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    const settings = `${o.rounds} rounds × ${o.durationSec} s, ${o.connections} connections, warm-up ${o.warmupSec} s per case, ${gen.name}${o.pin ? ', pinned (servers CPU 0, generator CPU 1)' : ''}`;
    const markdown = [
      `Run: \`${command}\` — ${settings}.`,
      '',
      `Machine: ${machineLine(facts)}.`,
      '',
      resultsTable(results),
      '',
      'Values are medians over the rounds; errors are summed (non-2xx + socket errors). CPU % is of one core.',
      '',
      caseNotes(results),
      '',
      floorsTable(floors),
    ].join('\n');
    log(`\n${markdown}\n`);
    if (o.write) {
      await writeJson('results.json', { machine: facts, command, options: o, results, floors });
      await replaceReadmeSection('bench:results', markdown);
      log('wrote bench/results.json and the table in bench/README.md');
    }
    return floors.every((f) => f.pass);
  } finally {
    await stack.stop();
    await ceilings.stop();
  }
}
