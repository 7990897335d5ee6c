// `npm run chaos:local [-- --short] [-- --down 5 --redis-down 20 --steady 3]`: the fault suite on loopback.
import { parseArgs } from 'node:util';
import { replaceReadmeSection, writeJson } from '../report/write-results';
import { fullChaos, shortChaos, type ChaosOptions } from './options';
import { chaosSummary } from './report';
import { runChaos } from './run-chaos';

function options(argv: string[]): { o: ChaosOptions; write: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: 'boolean', default: false },
      down: { type: 'string' },
      'redis-down': { type: 'string' },
      steady: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const base = values.short ? shortChaos : fullChaos;
  const num = (raw: string | undefined, fallback: number) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number of seconds, got "${raw}"`);
    return n;
  };
  return {
    o: {
      ...base,
      downSec: num(values.down, base.downSec),
      redisDownSec: num(values['redis-down'], base.redisDownSec),
      steadySec: num(values.steady, base.steadySec),
      log: (line) => process.stdout.write(`${line}\n`),
    },
    write: !values['no-write'] && !values.short,
  };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const { o, write } = options(argv);
  const started = Date.now();
  const report = await runChaos(o);
  const summary = chaosSummary(report);
  const header = `Run: \`npm run chaos:local${argv.length ? ` -- ${argv.join(' ')}` : ''}\` — ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s; down ${o.downSec} s, Redis down ${o.redisDownSec} s, breaker reset ${o.breakerResetMs} ms, ${o.orderWorkers} order + ${o.readWorkers} read workers.`;
  process.stdout.write(`\n${header}\n\n${summary}\n`);
  if (write) {
    await writeJson('chaos-results.json', { options: { ...o, log: undefined }, report });
    await replaceReadmeSection('chaos:results', `${header}\n\n${summary}`);
  }
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`chaos failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
