// Entry point of `npm run lab`.
import { runCommand } from './commands';
import { up } from './up';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'up') {
    await up(argv.slice(1));
    return -1; // keeps running until Ctrl-C
  }
  return runCommand(argv, {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
