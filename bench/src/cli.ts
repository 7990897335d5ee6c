// `npm run bench [-- options]`: see USAGE in options.ts.
import { parseOptions } from './options';
import { runFuzzBench } from './fuzz/run-fuzz-cli';
import { runProfile } from './profile/run-profile';
import { runBench } from './run/bench';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let options;
  try {
    options = parseOptions(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (options.profile) {
    await runProfile(options, argv);
    return 0;
  }
  if (options.fuzz) return (await runFuzzBench(options, argv)) ? 0 : 1;
  const ok = await runBench(options, argv);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
