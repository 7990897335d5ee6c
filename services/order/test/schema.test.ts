import { testDatabase } from '@eks-sre-lab/harness';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { migrateWithLock } from '../src/db/migrate-on-start';

let dataSource: DataSource;
let url: string;

beforeAll(async () => {
  url = await testDatabase('order_schema');
  dataSource = await createDataSource({ url, poolMax: 4 }).initialize();
});
afterAll(async () => {
  await dataSource.destroy();
});

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  is_nullable: string;
  column_default: string | null;
}

async function columns(table: string): Promise<string[]> {
  const rows: ColumnRow[] = await dataSource.query(
    `SELECT * FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((c) => {
    const size =
      c.character_maximum_length ??
      (c.numeric_scale !== null && c.data_type === 'numeric'
        ? `${c.numeric_precision},${c.numeric_scale}`
        : '');
    const nullable = c.is_nullable === 'YES' ? 'null' : 'not null';
    return `${c.column_name} ${c.data_type}${size ? `(${size})` : ''} ${nullable} ${c.column_default ?? ''}`.trim();
  });
}

describe('migrations', () => {
  it('apply concurrently from two "replicas" exactly once', async () => {
    const other = await createDataSource({ url, poolMax: 2 }).initialize();
    try {
      const [a, b] = await Promise.all([migrateWithLock(dataSource), migrateWithLock(other)]);
      expect([...a, ...b].sort()).toEqual([
        'CreateIdempotencyAndOutbox1767225600001',
        'CreateOrderTables1767225600000',
      ]);
    } finally {
      await other.destroy();
    }
  });

  it('create the seed’s orders and order_items exactly', async () => {
    expect(await columns('orders')).toEqual([
      "id integer not null nextval('orders_id_seq'::regclass)",
      'user_id character varying(100) not null',
      'total_amount numeric(10,2) not null',
      "status character varying(50) null 'pending'::character varying",
      'shipping_address text null',
      'created_at timestamp without time zone null CURRENT_TIMESTAMP',
      'updated_at timestamp without time zone null CURRENT_TIMESTAMP',
    ]);
    expect(await columns('order_items')).toEqual([
      "id integer not null nextval('order_items_id_seq'::regclass)",
      'order_id integer null',
      'product_id integer not null',
      'quantity integer not null',
      'unit_price numeric(10,2) not null',
      'total_price numeric(10,2) not null',
    ]);
    const fk: { def: string }[] = await dataSource.query(
      "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'order_items_order_id_fkey'",
    );
    expect(fk[0]?.def).toBe('FOREIGN KEY (order_id) REFERENCES orders(id)');
  });

  it('leave nothing for the entities to change (entities and migrations agree)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // TypeORM normalizes the entity's CURRENT_TIMESTAMP to now() but not the database's, so it would
    // "change" that default (the same one, kept as the seed spells it) and drop the index over created_at.
    const falsePositives = [
      'ALTER TABLE "orders" ALTER COLUMN "created_at" SET DEFAULT now()',
      'ALTER TABLE "orders" ALTER COLUMN "updated_at" SET DEFAULT now()',
      'DROP INDEX "public"."orders_user_id_created_at_idx"',
    ];
    expect(pending.upQueries.map((q) => q.query).filter((q) => !falsePositives.includes(q))).toEqual([]);
  });

  it('revert cleanly and re-apply', async () => {
    await dataSource.undoLastMigration();
    await dataSource.undoLastMigration();
    const tables: { count: number }[] = await dataSource.query(
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'",
    );
    expect(tables[0]?.count).toBe(0);
    expect(await migrateWithLock(dataSource)).toHaveLength(2);
  });
});
