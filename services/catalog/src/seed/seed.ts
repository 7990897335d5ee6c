import type { DataSource, EntityManager } from 'typeorm';
import { Category, Product } from '../db/entities';
import { seedCategories, type SeedSubcategory } from './seed-data';

export interface SeedResult {
  /** false when the catalog already had categories (the seed never duplicates). */
  seeded: boolean;
  categories: number;
  products: number;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function insertSubcategory(
  manager: EntityManager,
  parentId: number,
  sub: SeedSubcategory,
): Promise<number> {
  const category = await manager.save(Category, { name: sub.name, description: sub.description, parentId });
  const products = sub.products.map(([name, price, stockQuantity]) => ({
    name,
    price,
    stockQuantity,
    categoryId: category.id,
    description: `${name} — part of our ${sub.name.toLowerCase()} range.`,
    imageUrl: `https://picsum.photos/seed/${slug(name)}/640/480`,
  }));
  await manager.insert(Product, products);
  return products.length;
}

/**
 * Fills an empty catalog with the sample data (two-level categories, products with stock and images),
 * in one transaction. Idempotent: a catalog that already has categories is left alone.
 */
export async function seedCatalog(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent seeders (two replicas starting at once) on the categories table.
    await manager.query('LOCK TABLE categories IN SHARE ROW EXCLUSIVE MODE');
    if ((await manager.count(Category)) > 0) return { seeded: false, categories: 0, products: 0 };
    let categories = 0;
    let products = 0;
    for (const top of seedCategories) {
      const parent = await manager.save(Category, { name: top.name, description: top.description });
      categories += 1;
      for (const sub of top.children) {
        products += await insertSubcategory(manager, parent.id, sub);
        categories += 1;
      }
    }
    return { seeded: true, categories, products };
  });
}
