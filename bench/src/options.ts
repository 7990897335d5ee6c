import { parseArgs } from 'node:util';
import type { GeneratorChoice } from './load/index';

export interface BenchOptions {
  rounds: number;
  durationSec: number;
  connections: number;
  warmupSec: number;
  threads: number;
  generator: GeneratorChoice;
  /** Pin servers to CPU 0 and the load generator to CPU 1 (taskset). */
  pin: boolean;
  /** Only these case ids (comma-separated); ceilings are always kept for the ratios. */
  only?: string[];
  profile: boolean;
  fuzz: boolean;
  fuzzRuns: number;
  seed: number;
  /** Services' LOG_LEVEL (the stack default, warn, when unset). */
  logLevel?: string;
  /** Start the stack (off: ceilings and the kit reference only). */
  stack: boolean;
  /** Write bench/results.json and the README table (off for development runs). */
  write: boolean;
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

export const USAGE = `npm run bench -- [options]
  --rounds N          rounds per case (default 3)
  --duration S        seconds per round (default 10)
  --connections N     concurrent connections (default 50)
  --warmup S          warm-up seconds per case (default 3)
  --threads N         wrk threads (default 1)
  --generator G       auto | wrk | autocannon (default auto: wrk when installed)
  --pin               servers on CPU 0, load generator on CPU 1
  --only a,b          only these case ids (ceilings always run)
  --profile           CPU-profile the Express ceiling variants and the services instead
  --fuzz              run the long property-based hostile-input suite instead
  --fuzz-runs N       generated requests per endpoint for --fuzz (default 5000)
  --seed N            fast-check seed for --fuzz (default 9)
  --log-level L       services' LOG_LEVEL (default: the stack's, warn; info adds an access line per request)
  --no-stack          only the ceilings and the kit reference (no PostgreSQL/Redis/services)
  --no-write          do not update bench/results.json and bench/README.md`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      threads: { type: 'string' },
      generator: { type: 'string' },
      pin: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      fuzz: { type: 'boolean', default: false },
      'fuzz-runs': { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      'no-stack': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const generator = (values.generator ?? 'auto') as GeneratorChoice;
  if (!['auto', 'wrk', 'autocannon'].includes(generator)) throw new Error(`unknown --generator ${generator}`);
  return {
    rounds: Math.round(positive('rounds', values.rounds, 3)),
    durationSec: positive('duration', values.duration, 10),
    connections: Math.round(positive('connections', values.connections, 50)),
    warmupSec: positive('warmup', values.warmup, 3),
    threads: Math.round(positive('threads', values.threads, 1)),
    generator,
    pin: values.pin,
    only: values.only?.split(',').map((s) => s.trim()),
    profile: values.profile,
    fuzz: values.fuzz,
    fuzzRuns: Math.round(positive('fuzz-runs', values['fuzz-runs'], 5000)),
    seed: Math.round(positive('seed', values.seed, 9)),
    logLevel: values['log-level'],
    stack: !values['no-stack'],
    write: !values['no-write'],
  };
}
