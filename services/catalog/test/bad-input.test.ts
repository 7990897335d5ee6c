import { api, sampleProduct, startCatalog, type RunningCatalog } from './support/catalog';

let running: RunningCatalog;
let productId: number;

beforeAll(async () => {
  running = await startCatalog();
  const created = await api<{ id: number }>(running.url, 'POST', '/catalog/products', sampleProduct);
  productId = created.body.id;
});

afterAll(() => running.close());

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  body?: unknown;
  headers?: Record<string, string>;
  status?: number;
  /** Fields the problem must name (errors[].field). */
  fields?: string[];
}

const long = (n: number) => 'x'.repeat(n);
const product = (fields: Record<string, unknown>) => ({ ...sampleProduct, ...fields });
const item = () => `/catalog/products/${productId}`;

const cases: Case[] = [
  {
    name: 'price as a JSON boolean',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: true }),
    fields: ['body.price'],
  },
  {
    name: 'negative price',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: '-1.00' }),
    fields: ['body.price'],
  },
  {
    name: 'negative numeric price',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: -0.01 }),
    fields: ['body.price'],
  },
  {
    name: 'price with 3 decimals',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: '19.999' }),
    fields: ['body.price'],
  },
  {
    name: 'price above DECIMAL(10,2)',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: '100000000.00' }),
    fields: ['body.price'],
  },
  {
    name: 'price in exponent form',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: '1e3' }),
    fields: ['body.price'],
  },
  {
    name: 'price as text',
    method: 'POST',
    path: '/catalog/products',
    body: product({ price: 'cheap' }),
    fields: ['body.price'],
  },
  {
    name: 'negative stock',
    method: 'POST',
    path: '/catalog/products',
    body: product({ stockQuantity: -1 }),
    fields: ['body.stockQuantity'],
  },
  {
    name: 'fractional stock',
    method: 'POST',
    path: '/catalog/products',
    body: product({ stockQuantity: 1.5 }),
    fields: ['body.stockQuantity'],
  },
  {
    name: 'stock as a string',
    method: 'POST',
    path: '/catalog/products',
    body: product({ stockQuantity: '5' }),
    fields: ['body.stockQuantity'],
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: '/catalog/products',
    body: product({ colour: 'red' }),
    fields: ['body'],
  },
  {
    name: 'name too long',
    method: 'POST',
    path: '/catalog/products',
    body: product({ name: long(256) }),
    fields: ['body.name'],
  },
  {
    name: 'blank name',
    method: 'POST',
    path: '/catalog/products',
    body: product({ name: '   ' }),
    fields: ['body.name'],
  },
  {
    name: 'missing name and price',
    method: 'POST',
    path: '/catalog/products',
    body: { stockQuantity: 1 },
    fields: ['body.name', 'body.price'],
  },
  {
    name: 'image URL too long',
    method: 'POST',
    path: '/catalog/products',
    body: product({ imageUrl: `https://a.test/${long(500)}` }),
    fields: ['body.imageUrl'],
  },
  {
    name: 'image URL not http(s)',
    method: 'POST',
    path: '/catalog/products',
    body: product({ imageUrl: 'javascript:alert(1)' }),
    fields: ['body.imageUrl'],
  },
  {
    name: 'category id as a string',
    method: 'POST',
    path: '/catalog/products',
    body: product({ categoryId: '3' }),
    fields: ['body.categoryId'],
  },
  {
    name: 'body is an array',
    method: 'POST',
    path: '/catalog/products',
    body: [sampleProduct],
    fields: ['body'],
  },
  { name: 'no body', method: 'POST', path: '/catalog/products', fields: ['body'] },
  { name: 'malformed JSON', method: 'POST', path: '/catalog/products', body: '{"name": ', headers: {} },
  {
    name: 'not JSON',
    method: 'POST',
    path: '/catalog/products',
    body: 'name=x',
    headers: { 'content-type': 'text/plain' },
    status: 415,
  },
  {
    name: 'several bad fields at once',
    method: 'PUT',
    path: item,
    body: { name: '', price: '1.234', stockQuantity: -3 },
    fields: ['body.name', 'body.price', 'body.stockQuantity'],
  },
  { name: 'non-numeric id', method: 'GET', path: '/catalog/products/abc', fields: ['path.id'] },
  { name: 'zero id', method: 'GET', path: '/catalog/products/0', fields: ['path.id'] },
  { name: 'id beyond INTEGER', method: 'GET', path: '/catalog/products/99999999999', fields: ['path.id'] },
  { name: 'fractional id', method: 'DELETE', path: '/catalog/products/1.5', fields: ['path.id'] },
  {
    name: 'limit above the max page size',
    method: 'GET',
    path: '/catalog/products?limit=101',
    fields: ['query.limit'],
  },
  { name: 'negative offset', method: 'GET', path: '/catalog/products?offset=-1', fields: ['query.offset'] },
  { name: 'unknown sort', method: 'GET', path: '/catalog/products?sort=stock', fields: ['query.sort'] },
  { name: 'unknown query parameter', method: 'GET', path: '/catalog/products?colour=red', fields: ['query'] },
  {
    name: 'repeated query parameter',
    method: 'GET',
    path: '/catalog/products?limit=1&limit=2',
    fields: ['query.limit'],
  },
  {
    name: 'search text too long',
    method: 'GET',
    path: `/catalog/products?q=${long(101)}`,
    fields: ['query.q'],
  },
  {
    name: 'bad category filter',
    method: 'GET',
    path: '/catalog/products?category=x',
    fields: ['query.category'],
  },
  {
    name: 'reserve zero',
    method: 'POST',
    path: () => `${item()}/reserve`,
    body: { quantity: 0 },
    fields: ['body.quantity'],
  },
  {
    name: 'reserve a fraction',
    method: 'POST',
    path: () => `${item()}/reserve`,
    body: { quantity: 0.5 },
    fields: ['body.quantity'],
  },
  {
    name: 'reserve with an extra field',
    method: 'POST',
    path: () => `${item()}/reserve`,
    body: { quantity: 1, force: true },
    fields: ['body'],
  },
  {
    name: 'release a string',
    method: 'POST',
    path: () => `${item()}/release`,
    body: { quantity: '2' },
    fields: ['body.quantity'],
  },
  {
    name: 'NUL character in the name, the description and the image URL',
    method: 'POST',
    path: '/catalog/products',
    body: product({ name: 'a\u0000b', description: '\u0000', imageUrl: 'https://img.example/\u0000.png' }),
    fields: ['body.name', 'body.description', 'body.imageUrl'],
  },
  {
    name: 'NUL character in a replacement name',
    method: 'PUT',
    path: item,
    body: product({ name: 'a\u0000b' }),
    fields: ['body.name'],
  },
  {
    name: 'NUL character in the search',
    method: 'GET',
    path: '/catalog/products?q=a%00b',
    fields: ['query.q'],
  },
  { name: 'malformed percent-encoding in the id', method: 'GET', path: '/catalog/products/%ff' },
  {
    name: 'oversized body',
    method: 'POST',
    path: '/catalog/products',
    body: product({ description: long(200_000) }),
    status: 413,
  },
];

describe('bad input is answered 4xx application/problem+json, never 5xx', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = typeof c.path === 'function' ? c.path() : c.path;
    const response = await api<{ status: number; errors?: { field: string }[] }>(
      running.url,
      c.method,
      path,
      c.body,
      c.headers,
    );
    expect(response.status).toBe(c.status ?? 400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.status).toBe(response.status);
    if (c.fields)
      expect(response.body.errors?.map((e) => e.field).sort()).toEqual(expect.arrayContaining(c.fields));
  });

  it('left the product untouched', async () => {
    const response = await api(running.url, 'GET', item());
    expect(response.body).toMatchObject({ ...sampleProduct });
  });
});
