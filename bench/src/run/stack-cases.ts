import type { BenchCase } from './cases.js';

/** The stack cases (filled in once services/stack lands). */
export async function startStackCases(_o: { log: (line: string) => void }) {
  return { cases: [] as BenchCase[], async stop() {} };
}
