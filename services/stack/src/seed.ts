// Sample data through the catalog's own seed command (`npm run seed -w services/catalog`, compiled), so the
// stack loads exactly what the catalog ships and does not depend on the catalog's internal module layout.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@eks-sre-lab/harness';

const run = promisify(execFile);
const SEED_CLI = path.join(repoRoot(__dirname), 'services/catalog/dist/src/cli/seed.js');

/** Migrates and seeds the catalog database (a catalog that already has data is left alone). */
export async function seedCatalog(databaseUrl: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [SEED_CLI], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    return stdout.trim();
  } catch (error) {
    const { stderr = '', message } = error as { stderr?: string; message: string };
    throw new Error(`catalog seed failed: ${stderr.trim() || message}`, { cause: error });
  }
}
