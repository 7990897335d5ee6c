import { resolve } from 'node:path';
import { labConfig } from './config/lab.config';
import { LabConfigError } from './config/load';
import { describeDiff, diffTree, writeTree } from './core/tree';
import { generateTree } from './generate';

// `npm run generate` writes the tree; `npm run generate -- --check` only compares and exits 1 on drift.
function main(argv: string[]): number {
  const check = argv.includes('--check');
  const outIndex = argv.indexOf('--out');
  const root = resolve(
    outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : resolve(__dirname, '../..'),
  );
  const files = generateTree(labConfig);
  if (check) {
    const problems = describeDiff(diffTree(root, files));
    if (problems.length === 0) {
      console.log(`generate --check: ${files.length} files up to date`);
      return 0;
    }
    console.error(
      `generate --check: ${problems.length} files differ from the generator (run npm run generate):`,
    );
    for (const line of problems) console.error(`  ${line}`);
    return 1;
  }
  const diff = writeTree(root, files);
  const touched = diff.changed.length + diff.missing.length;
  console.log(`generate: ${files.length} files, ${touched} written, ${diff.stale.length} stale removed`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof LabConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
