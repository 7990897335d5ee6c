import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The seed's `orders` / `order_items` verbatim, plus the listing and foreign-key indexes. */
export class CreateOrderTables1767225600000 implements MigrationInterface {
  name = 'CreateOrderTables1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE orders (
        id SERIAL PRIMARY KEY,
        user_id VARCHAR(100) NOT NULL,
        total_amount DECIMAL(10,2) NOT NULL,
        status VARCHAR(50) DEFAULT 'pending',
        shipping_address TEXT,
        created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
        updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
      )`);
    await runner.query(`
      CREATE TABLE order_items (
        id SERIAL PRIMARY KEY,
        order_id INTEGER REFERENCES orders(id),
        product_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price DECIMAL(10,2) NOT NULL,
        total_price DECIMAL(10,2) NOT NULL
      )`);
    // GET /orders/user/:userId, newest first; id breaks ties between orders of the same instant.
    await runner.query(
      'CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at DESC, id DESC)',
    );
    await runner.query('CREATE INDEX order_items_order_id_idx ON order_items (order_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE order_items');
    await runner.query('DROP TABLE orders');
  }
}
