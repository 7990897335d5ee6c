import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { parseConfig } from '@eks-sre-lab/kit';
import { createDataSource } from '../db/data-source';

const cliConfigSchema = z.object({ DATABASE_URL: z.url() });

/** Runs a command-line task against DATABASE_URL; prints the error and exits 1 when it fails. */
export async function withDataSource(task: (dataSource: DataSource) => Promise<void>): Promise<void> {
  try {
    const { DATABASE_URL } = parseConfig(cliConfigSchema);
    const dataSource = createDataSource({ url: DATABASE_URL, poolMax: 2 });
    await dataSource.initialize();
    try {
      await task(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
