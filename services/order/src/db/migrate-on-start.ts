import type { DataSource } from 'typeorm';

/** Shared by every replica ("order" in ASCII); pg_advisory_lock serializes concurrent boots. */
const MIGRATION_LOCK_KEY = 0x6f72646572;

/**
 * Runs pending migrations while holding a session advisory lock, so replicas that start together with
 * MIGRATE_ON_START=true apply them once instead of racing on CREATE TABLE.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
