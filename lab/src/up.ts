// `npm run lab -- up`: runs the lab stack in the foreground and advertises it in the state file.
import { parseArgs } from 'node:util';
import { startLabStack } from './local/lab-stack';
import { removeLabFile, writeLabFile } from './local/state-file';

export async function up(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, verbose: { type: 'boolean' } },
  });
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0..65535`);
  console.log('lab: starting the stack with fault admin ports…');
  const lab = await startLabStack({ port, verbose: values.verbose });
  writeLabFile({ pid: process.pid, controlUrl: lab.control.url, startedAt: new Date().toISOString() });
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log('\nlab: resetting the active scenario and stopping…');
    removeLabFile();
    await lab.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const { urls } = lab.stack;
  console.log(`lab: ready
  shop      ${urls.frontend}
  main      ${urls.main}   (fault admin http://127.0.0.1:${lab.adminPorts.main}/faults)
  catalog   ${urls.catalog}   (fault admin http://127.0.0.1:${lab.adminPorts.catalog}/faults)
  order     ${urls.order}   (fault admin http://127.0.0.1:${lab.adminPorts.order}/faults)
  redis     ${urls.redis}
  databases ${urls.databases.catalog}  ${urls.databases.order}

  In another terminal: npm run lab -- list   (Ctrl-C here stops everything)`);
}
