// `npm run migrate -w services/catalog` (add `-- --revert` to undo the last migration).
import { runMigrations } from '../db/data-source';
import { withDataSource } from './with-data-source';

void withDataSource(async (dataSource) => {
  if (process.argv.includes('--revert')) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('reverted the last migration');
    return;
  }
  const ran = await runMigrations(dataSource);
  console.log(ran.length ? `applied: ${ran.join(', ')}` : 'schema up to date');
});
