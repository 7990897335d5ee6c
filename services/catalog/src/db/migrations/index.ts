import { CreateCatalogTables1767225600000 } from './1767225600000-create-catalog-tables';

/** Every committed migration, oldest first (class references work from both src and dist). */
export const migrations = [CreateCatalogTables1767225600000];
