import { Category } from '../src/db/entities';
import type { ProductDto, ProductPage } from '../src/products/dto';
import type { CategoryNode } from '../src/categories/tree';
import { api, sampleProduct, startCatalog, type RunningCatalog } from './support/catalog';

let running: RunningCatalog;
let base: string;
const ids = { electronics: 0, phones: 0, android: 0, books: 0 };

beforeAll(async () => {
  running = await startCatalog();
  base = running.url;
  const categories = running.catalog.dataSource.getRepository(Category);
  const add = async (name: string, parentId: number | null = null) =>
    (await categories.save({ name, description: `${name} things`, parentId })).id;
  ids.electronics = await add('Electronics');
  ids.phones = await add('Phones', ids.electronics);
  ids.android = await add('Android', ids.phones);
  ids.books = await add('Books');
});

afterAll(() => running.close());

async function create(fields: Record<string, unknown>): Promise<ProductDto> {
  const response = await api<ProductDto>(base, 'POST', '/catalog/products', { ...sampleProduct, ...fields });
  expect(response.status).toBe(201);
  return response.body;
}

describe('product CRUD', () => {
  it('creates with 201 + Location, reads, replaces and deletes', async () => {
    const created = await api<ProductDto>(base, 'POST', '/catalog/products', {
      ...sampleProduct,
      categoryId: ids.phones,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/catalog/products/${created.body.id}`);
    expect(created.body).toMatchObject({ ...sampleProduct, categoryId: ids.phones, price: '19.99' });
    expect(Date.parse(created.body.createdAt ?? '')).not.toBeNaN();

    const read = await api<ProductDto>(base, 'GET', created.headers.get('location') ?? '');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    // The second read is a cache hit, sent as the stored JSON text: same body, same content type.
    const hit = await api<ProductDto>(base, 'GET', created.headers.get('location') ?? '');
    expect(hit.body).toEqual(created.body);
    expect(hit.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');

    const replaced = await api<ProductDto>(base, 'PUT', `/catalog/products/${created.body.id}`, {
      name: 'Renamed Widget',
      price: 5,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: created.body.id,
      name: 'Renamed Widget',
      price: '5.00',
      description: null,
      categoryId: null,
      stockQuantity: 0,
      imageUrl: null,
    });

    const deleted = await fetch(`${base}/catalog/products/${created.body.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await api(base, 'GET', `/catalog/products/${created.body.id}`)).status).toBe(404);
    expect((await api(base, 'DELETE', `/catalog/products/${created.body.id}`)).status).toBe(404);
    expect((await api(base, 'PUT', `/catalog/products/${created.body.id}`, sampleProduct)).status).toBe(404);
  });

  it('answers 400 naming categoryId when the category does not exist', async () => {
    const response = await api<{ errors: { field: string }[] }>(base, 'POST', '/catalog/products', {
      ...sampleProduct,
      categoryId: 999_999,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e) => e.field)).toEqual(['body.categoryId']);
  });
});

describe('money stays exact', () => {
  it.each([
    ['19.99', '19.99'],
    [19.99, '19.99'],
    ['0.10', '0.10'],
    [0.3, '0.30'],
    ['99999999.99', '99999999.99'],
    ['1234567.8', '1234567.80'],
    [0, '0.00'],
  ])('price %p round-trips as %p', async (price, expected) => {
    const created = await create({ price });
    expect(created.price).toBe(expected);
    const read = await api<ProductDto>(base, 'GET', `/catalog/products/${created.id}`);
    expect(read.body.price).toBe(expected);
    const stored: { text: string }[] = await running.catalog.dataSource.query(
      'SELECT price::text AS text FROM products WHERE id = $1',
      [created.id],
    );
    expect(stored[0]?.text).toBe(expected);
  });

  it('rejects 0.1 + 0.2 computed as a float instead of rounding it', async () => {
    const response = await api(base, 'POST', '/catalog/products', { ...sampleProduct, price: 0.1 + 0.2 });
    expect(response.status).toBe(400);
  });
});

describe('GET /catalog/products', () => {
  let made: ProductDto[];

  beforeAll(async () => {
    await running.catalog.dataSource.query('DELETE FROM products');
    made = [];
    const rows: [string, string, number][] = [
      ['Android Phone A', '300.00', ids.android],
      ['Android Phone B', '150.50', ids.android],
      ['Phone Case 100%', '9.99', ids.phones],
      ['Laptop', '999.00', ids.electronics],
      ['Novel', '12.00', ids.books],
      ['Cookbook_Special', '25.00', ids.books],
    ];
    for (const [name, price, categoryId] of rows) made.push(await create({ name, price, categoryId }));
  });

  const list = async (query: string) => {
    const response = await api<ProductPage>(base, 'GET', `/catalog/products${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = (page: ProductPage) => page.items.map((p) => p.name);

  it('pages with limit/offset and a total count', async () => {
    const first = await list('?limit=4&offset=0');
    const second = await list('?limit=4&offset=4');
    expect(first).toMatchObject({ total: 6, limit: 4, offset: 0 });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect([...names(first), ...names(second)]).toEqual(made.map((p) => p.name));
    expect((await list('?offset=100')).items).toEqual([]);
  });

  it('filters by a category including all its subcategories', async () => {
    const electronics = await list(`?category=${ids.electronics}`);
    expect(electronics.total).toBe(4);
    expect(names(electronics).sort()).toEqual([
      'Android Phone A',
      'Android Phone B',
      'Laptop',
      'Phone Case 100%',
    ]);
    expect(names(await list(`?category=${ids.phones}`)).sort()).toEqual([
      'Android Phone A',
      'Android Phone B',
      'Phone Case 100%',
    ]);
    expect((await list(`?category=${ids.android}`)).total).toBe(2);
    expect((await list('?category=999999')).total).toBe(0);
  });

  it('searches names case-insensitively, with % and _ taken literally', async () => {
    expect(names(await list('?q=android')).sort()).toEqual(['Android Phone A', 'Android Phone B']);
    expect(names(await list(`?q=${encodeURIComponent('100%')}`))).toEqual(['Phone Case 100%']);
    expect(names(await list('?q=k_S'))).toEqual(['Cookbook_Special']);
    expect((await list(`?q=${encodeURIComponent('%')}`)).total).toBe(1);
  });

  it('sorts by price (exact decimal order), name and creation time', async () => {
    const byPrice = (await list('?sort=price')).items.map((p) => p.price);
    expect(byPrice).toEqual(['9.99', '12.00', '25.00', '150.50', '300.00', '999.00']);
    expect((await list('?sort=-price')).items[0]?.price).toBe('999.00');
    expect(names(await list('?sort=name'))).toEqual([...names(await list(''))].sort());
    expect(names(await list('?sort=-created'))).toEqual(made.map((p) => p.name).reverse());
    expect(names(await list('?sort=created&category=' + ids.books + '&q=o'))).toEqual([
      'Novel',
      'Cookbook_Special',
    ]);
  });
});

describe('GET /catalog/categories', () => {
  it('answers the tree', async () => {
    const response = await api<CategoryNode[]>(base, 'GET', '/catalog/categories');
    expect(response.status).toBe(200);
    const byName = (nodes: CategoryNode[], name: string) => nodes.find((n) => n.name === name);
    expect(response.body.map((n) => n.name)).toEqual(['Books', 'Electronics']);
    const electronics = byName(response.body, 'Electronics');
    expect(electronics?.children.map((c) => c.name)).toEqual(['Phones']);
    expect(electronics?.children[0]?.children.map((c) => c.name)).toEqual(['Android']);
    expect(electronics?.children[0]).toMatchObject({ id: ids.phones, parentId: ids.electronics });
    expect(byName(response.body, 'Books')?.children).toEqual([]);
  });
});
