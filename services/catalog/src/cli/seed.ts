// `npm run seed -w services/catalog`: migrations first, then the sample data (skipped when present).
import { runMigrations } from '../db/data-source';
import { seedCatalog } from '../seed/seed';
import { withDataSource } from './with-data-source';

void withDataSource(async (dataSource) => {
  await runMigrations(dataSource);
  const result = await seedCatalog(dataSource);
  console.log(
    result.seeded
      ? `seeded ${result.categories} categories and ${result.products} products`
      : 'catalog already has data: seed skipped',
  );
});
