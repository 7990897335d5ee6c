import { SingleFlight } from '../src/cache/single-flight';
import { buildCategoryTree } from '../src/categories/tree';
import type { Category } from '../src/db/entities';
import { statementKind } from '../src/db/query-metrics';
import { likePattern } from '../src/products/repository';

describe('buildCategoryTree', () => {
  const row = (id: number, parentId: number | null) =>
    ({ id, name: `c${id}`, description: null, parentId }) as Category;

  it('nests children under parents and keeps orphans as roots', () => {
    const tree = buildCategoryTree([row(1, null), row(2, 1), row(3, 2), row(4, 99)]);
    expect(tree.map((n) => n.id)).toEqual([1, 4]);
    expect(tree[0]?.children[0]?.children[0]?.id).toBe(3);
  });
});

describe('statementKind', () => {
  it.each([
    ['SELECT 1', 'select'],
    ['  update "products" SET', 'update'],
    ['WITH RECURSIVE x AS (...) SELECT', 'with'],
    ['CREATE TABLE x', 'other'],
  ])('%p → %p', (sql, kind) => expect(statementKind(sql)).toBe(kind));
});

describe('likePattern', () => {
  it('escapes LIKE wildcards', () => expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%'));
});

describe('SingleFlight', () => {
  it('runs one call per key at a time and forgets by prefix', async () => {
    const flights = new SingleFlight();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    const [a, b] = await Promise.all([flights.run('k', slow), flights.run('k', slow)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    const pending = flights.run('ns:1', slow);
    flights.forget('ns:');
    const fresh = flights.run('ns:1', slow);
    expect(await pending).not.toBe(await fresh);
  });
});
