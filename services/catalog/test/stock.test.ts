import type { ProductDto } from '../src/products/dto';
import { api, sampleProduct, startCatalog, type RunningCatalog } from './support/catalog';

let running: RunningCatalog;

beforeAll(async () => {
  running = await startCatalog();
});

afterAll(() => running.close());

async function create(stockQuantity: number): Promise<number> {
  const response = await api<ProductDto>(running.url, 'POST', '/catalog/products', {
    ...sampleProduct,
    stockQuantity,
  });
  return response.body.id;
}

const reserve = (id: number, quantity: number) =>
  api<{ stockQuantity: number; available?: number }>(running.url, 'POST', `/catalog/products/${id}/reserve`, {
    quantity,
  });

describe('stock reservations', () => {
  it('50 concurrent reserves of the last 10 units: exactly 10 succeed, stock ends at 0', async () => {
    const id = await create(10);
    const results = await Promise.all(Array.from({ length: 50 }, () => reserve(id, 1)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const remaining = results.filter((r) => r.status === 200).map((r) => r.body.stockQuantity);
    expect(remaining.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const product = await api<ProductDto>(running.url, 'GET', `/catalog/products/${id}`);
    expect(product.body.stockQuantity).toBe(0);
  });

  it('answers 409 problem+json with what is left, and takes nothing', async () => {
    const id = await create(3);
    const response = await reserve(id, 4);
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.available).toBe(3);
    expect((await reserve(id, 3)).body.stockQuantity).toBe(0);
  });

  it('release gives stock back; unknown products are 404', async () => {
    const id = await create(5);
    await reserve(id, 5);
    const released = await api<{ stockQuantity: number }>(
      running.url,
      'POST',
      `/catalog/products/${id}/release`,
      {
        quantity: 2,
      },
    );
    expect(released.status).toBe(200);
    expect(released.body.stockQuantity).toBe(2);
    expect((await reserve(999_999, 1)).status).toBe(404);
    expect((await api(running.url, 'POST', '/catalog/products/999999/release', { quantity: 1 })).status).toBe(
      404,
    );
  });

  it('a release that would overflow INTEGER is a 409, not a 500', async () => {
    const id = await create(2_147_483_000);
    const response = await api(running.url, 'POST', `/catalog/products/${id}/release`, {
      quantity: 1_000_000,
    });
    expect(response.status).toBe(409);
  });
});
