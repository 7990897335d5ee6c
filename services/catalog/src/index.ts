// Public API of the catalog package (used by the local stack and the gateway's tests).
export {
  createCatalog,
  catalogRouter,
  type Catalog,
  type CatalogDeps,
  type CreateCatalogOptions,
} from './app';
export { catalogConfigSchema, type CatalogConfig } from './config';
export { createDataSource, runMigrations } from './db/data-source';
export { Category, Product } from './db/entities';
export { seedCatalog, type SeedResult } from './seed/seed';
