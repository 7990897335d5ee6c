import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** bench/ itself, found from this file whether it runs from src/ (Jest) or dist/src/ (npm run bench). */
function benchDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'jest.config.js'))) dir = join(dir, '..');
  return dir;
}

export const BENCH_DIR = benchDir();

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in bench/README.md. */
export function replaceReadmeSection(name: string, body: string, readme = join(BENCH_DIR, 'README.md')) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next =
    i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text}\n${block}\n`;
  writeFileSync(readme, next);
}

/** Writes bench/<file>, formatted by the repo's Prettier (a dev tool: plain JSON when it is absent). */
export async function writeJson(file: string, value: unknown): Promise<void> {
  let text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { parser: 'json' });
  } catch {
    // no Prettier (production install): keep the plain JSON
  }
  writeFileSync(join(BENCH_DIR, file), text);
}
