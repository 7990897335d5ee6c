import { Client } from 'pg';

export interface BenchProducts {
  /** A product with stock for every order the bench can place. */
  id: number;
  stock: number;
  /** Ids of the products the cache-miss case cycles over. */
  missIds: number[];
}

export const ORDER_STOCK = 100_000_000;

/**
 * Rows the bench needs, inserted straight into the catalog's database (the catalog's own write API is
 * not what is measured): one product with stock for every order, and `missCount` products for the
 * cache-miss case.
 */
export async function insertBenchProducts(databaseUrl: string, missCount: number): Promise<BenchProducts> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stocked = await client.query<{ id: number }>(
      `INSERT INTO products (name, description, price, stock_quantity)
       VALUES ('Bench widget', 'ordered by npm run bench', 9.99, $1) RETURNING id`,
      [ORDER_STOCK],
    );
    const miss = await client.query<{ id: number }>(
      `INSERT INTO products (name, description, price, stock_quantity)
       SELECT 'Bench miss ' || g, 'read by the cache-miss case', 1.00 + g / 100.0, 10
       FROM generate_series(1, $1::int) AS g RETURNING id`,
      [missCount],
    );
    return { id: stocked.rows[0]!.id, stock: ORDER_STOCK, missIds: miss.rows.map((r) => r.id) };
  } finally {
    await client.end();
  }
}
