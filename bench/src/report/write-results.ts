import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** bench/ itself, found from this file whether it runs from src/ (Jest) or dist/src/ (npm run bench). */
function benchDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'jest.config.js'))) dir = join(dir, '..');
  return dir;
}

export const BENCH_DIR = benchDir();

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in bench/README.md, formatted by
 * the repo's Prettier so a bench run leaves `npm run lint` clean.
 */
export async function replaceReadmeSection(
  name: string,
  body: string,
  readme = join(BENCH_DIR, 'README.md'),
): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next =
    i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text}\n${block}\n`;
  writeFileSync(readme, await formatted(next, readme));
}

/** The text as the repo's Prettier would write it (unchanged when Prettier is absent: production install). */
async function formatted(text: string, filepath: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = await prettier.resolveConfig(filepath);
    return await prettier.format(text, { ...options, filepath });
  } catch {
    return text;
  }
}

/** Writes bench/<file>, formatted by the repo's Prettier. */
export async function writeJson(file: string, value: unknown): Promise<void> {
  const path = join(BENCH_DIR, file);
  writeFileSync(path, await formatted(`${JSON.stringify(value, null, 2)}\n`, path));
}
