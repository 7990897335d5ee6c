import { Category, Product } from '../src/db/entities';
import { seedCatalog } from '../src/seed/seed';
import type { CategoryNode } from '../src/categories/tree';
import type { ProductPage } from '../src/products/dto';
import { api, startCatalog, type RunningCatalog } from './support/catalog';

let running: RunningCatalog;

beforeAll(async () => {
  running = await startCatalog();
});

afterAll(() => running.close());

describe('seedCatalog', () => {
  it('fills an empty catalog with two-level categories and products with stock and images, once', async () => {
    const { dataSource } = running.catalog;
    const result = await seedCatalog(dataSource);
    expect(result.seeded).toBe(true);
    expect(result.products).toBeGreaterThanOrEqual(60);
    expect(result.categories).toBeGreaterThanOrEqual(8);
    expect(await dataSource.getRepository(Product).count()).toBe(result.products);

    const again = await seedCatalog(dataSource);
    expect(again.seeded).toBe(false);
    expect(await dataSource.getRepository(Category).count()).toBe(result.categories);

    const products = await dataSource.getRepository(Product).find();
    expect(products.every((p) => p.imageUrl?.startsWith('https://') && p.stockQuantity > 0)).toBe(true);
    expect(products.every((p) => p.categoryId !== null)).toBe(true);

    const tree = await api<CategoryNode[]>(running.url, 'GET', '/catalog/categories');
    expect(tree.body.length).toBeGreaterThanOrEqual(2);
    expect(tree.body.every((root) => root.children.length > 0)).toBe(true);
    const root = tree.body[0] as CategoryNode;
    const page = await api<ProductPage>(
      running.url,
      'GET',
      `/catalog/products?category=${root.id}&limit=100`,
    );
    const leafIds = new Set(root.children.map((c) => c.id));
    expect(page.body.total).toBeGreaterThan(0);
    expect(page.body.items.every((p) => p.categoryId !== null && leafIds.has(p.categoryId))).toBe(true);
  });

  it('the migrations are all applied and reversible', async () => {
    const { dataSource } = running.catalog;
    expect(await dataSource.showMigrations()).toBe(false); // nothing pending
    await dataSource.undoLastMigration();
    const tables: unknown[] = await dataSource.query(`SELECT 1 FROM pg_tables WHERE tablename = 'products'`);
    expect(tables).toHaveLength(0);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });
});

describe('metrics', () => {
  it('exposes cache, query and pool metrics on the kit registry', async () => {
    await api(running.url, 'GET', '/catalog/products?limit=1');
    const text = await (await fetch(`${running.url}/metrics`)).text();
    expect(text).toMatch(/^db_pool_max 10$/m);
    expect(text).toMatch(/^db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="idle"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^db_query_duration_seconds_count\{statement="select",success="true"\} [1-9]/m);
    expect(text).toMatch(/^db_queries_total\{statement="select"\} [1-9]/m);
    expect(text).toMatch(/^cache_misses_total\{cache="list"\} [1-9]/m);
    expect(text).toContain('# TYPE cache_errors_total counter');
    expect(text).toContain('# TYPE cache_hits_total counter');
    expect(text).toMatch(/http_requests_total\{[^}]*route="\/catalog\/products"/);
  });

  it('/readyz reports postgres and redis up', async () => {
    const ready = await api<{ status: string; checks: Record<string, { status: string }> }>(
      running.url,
      'GET',
      '/readyz',
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
