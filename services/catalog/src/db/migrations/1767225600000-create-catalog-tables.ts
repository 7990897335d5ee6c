import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seed's `categories` and `products` tables, column for column. Additions, each for a reason:
 * - FK products.category_id → categories(id) ON DELETE SET NULL: a product cannot point at a missing
 *   category (the API answers 400 instead of storing a dangling id).
 * - CHECKs on price and stock: the last line of defence behind validation and the conditional reserve.
 * Indexes, one per query that needs it:
 * - idx_categories_parent_id: the recursive subcategory walk (`GET /products?category=`) and the tree.
 * - idx_products_category_id: `WHERE category_id IN (subtree)`.
 * - idx_products_{price,name,created_at}_id: `ORDER BY <sort>, id LIMIT n` for each sort key, so a page
 *   is read in index order instead of sorting the whole table (`id` is the stable tie-breaker).
 * - idx_products_name_trgm (GIN, pg_trgm): `name ILIKE '%term%'` search; a btree cannot serve a leading
 *   wildcard. pg_trgm is a trusted extension (PostgreSQL ≥ 13, available on RDS), so the database owner
 *   may create it.
 */
export class CreateCatalogTables1767225600000 implements MigrationInterface {
  name = 'CreateCatalogTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE categories (
        id SERIAL PRIMARY KEY,
        name VARCHAR(100) NOT NULL,
        description TEXT,
        parent_id INTEGER,
        CONSTRAINT fk_categories_parent_id FOREIGN KEY (parent_id) REFERENCES categories(id)
      )`);
    await queryRunner.query(`
      CREATE TABLE products (
        id SERIAL PRIMARY KEY,
        name VARCHAR(255) NOT NULL,
        description TEXT,
        price DECIMAL(10,2) NOT NULL,
        category_id INTEGER,
        stock_quantity INTEGER DEFAULT 0,
        image_url VARCHAR(500),
        created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
        updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
        CONSTRAINT fk_products_category_id FOREIGN KEY (category_id)
          REFERENCES categories(id) ON DELETE SET NULL,
        CONSTRAINT ck_products_price_non_negative CHECK (price >= 0),
        CONSTRAINT ck_products_stock_non_negative CHECK (stock_quantity >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX idx_categories_parent_id ON categories (parent_id)`);
    await queryRunner.query(`CREATE INDEX idx_products_category_id ON products (category_id)`);
    await queryRunner.query(`CREATE INDEX idx_products_price_id ON products (price, id)`);
    await queryRunner.query(`CREATE INDEX idx_products_name_id ON products (name, id)`);
    await queryRunner.query(`CREATE INDEX idx_products_created_at_id ON products (created_at, id)`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX idx_products_name_trgm ON products USING gin (name gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE products`);
    await queryRunner.query(`DROP TABLE categories`);
  }
}
