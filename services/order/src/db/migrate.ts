// `npm run migrate -w services/order` (DATABASE_URL): applies the committed migrations, or with `--revert`
// undoes the last one. The service itself does the same at boot when MIGRATE_ON_START=true.
import { createDataSource } from './data-source';

async function run(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const dataSource = await createDataSource({
    url,
    poolMax: 1,
    applicationName: 'order-migrate',
  }).initialize();
  try {
    if (process.argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema up to date');
    }
  } finally {
    await dataSource.destroy();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
