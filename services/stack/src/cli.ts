// `npm start`: the whole shop on this machine until Ctrl-C.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { databaseNameOf } from './databases';
import { optionsFromEnv, stackOptionsSchema, type StackOptions } from './options';
import { startStack, type Stack } from './stack';

const USAGE = `Usage: npm start -- [options]

  --port <n>            browser-facing port (env PORT, default 3000; 0 = any free port)
  --host <addr>         the web server's listen address (env STACK_HOST, default 127.0.0.1;
                        the services always listen on 127.0.0.1)
  --main-port <n>       gateway port (env STACK_MAIN_PORT, default: free port)
  --catalog-port <n>    catalog port (env STACK_CATALOG_PORT)
  --order-port <n>      order port (env STACK_ORDER_PORT)
  --database-url <url>  use this PostgreSQL server instead of a throwaway one (env DATABASE_URL);
                        the stack creates and keeps catalog_db and order_db on it
  --redis-url <url>     use this Redis instead of a throwaway one (env REDIS_URL)
  --no-seed             skip the sample catalogue (env STACK_SEED=false)
  --verbose             print the services' logs (env STACK_VERBOSE=true)
  -h, --help            this text`;

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): StackOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'main-port': { type: 'string' },
      'catalog-port': { type: 'string' },
      'order-port': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'no-seed': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const fromEnv = optionsFromEnv(env);
  const flags: Record<string, unknown> = {
    port: values.port,
    host: values.host,
    mainPort: values['main-port'],
    catalogPort: values['catalog-port'],
    orderPort: values['order-port'],
    databaseUrl: values['database-url'],
    redisUrl: values['redis-url'],
    seed: values['no-seed'] ? false : undefined,
    verbose: values.verbose,
  };
  const merged = { ...fromEnv };
  for (const [key, value] of Object.entries(flags))
    if (value !== undefined) Object.assign(merged, { [key]: value });
  return stackOptionsSchema.parse(merged);
}

async function main(): Promise<void> {
  let options: StackOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    console.error(`stack: invalid options\n${message}\n\n${USAGE}`);
    process.exit(2);
  }

  console.log('stack: starting PostgreSQL, Redis, S3, catalog, order, main and the web server…');
  const running: { stack?: Stack } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error('stack: forced exit'); // a second Ctrl-C; the exit hooks still kill the children
      process.exit(130);
    }
    stopping = true;
    console.log(`\nstack: ${signal}, stopping…`);
    await running.stack?.stop();
    console.log('stack: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const started = Date.now();
  const stack = await startStack(options);
  running.stack = stack;
  if (stopping) return; // Ctrl-C arrived during start: shutdown() already ran stop() on what had started
  const { urls, handles } = stack;
  console.log(`stack: ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  catalog   ${urls.catalog}   (pid ${handles.catalog.pid})
  order     ${urls.order}   (pid ${handles.order.pid})
  main      ${urls.main}   (pid ${handles.main.pid})
  postgres  ${handles.postgres ? `127.0.0.1:${handles.postgres.port} (throwaway)` : 'external DATABASE_URL'}   databases ${databaseNameOf(urls.databases.catalog)}, ${databaseNameOf(urls.databases.order)}
  redis     ${urls.redis}${handles.redis ? ' (throwaway)' : ''}
  s3        ${urls.s3}

  Open ${urls.frontend}   (Ctrl-C stops everything)`);
}

main().catch((error: unknown) => {
  console.error(`stack: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
