// `npm start` itself: prints the URL, serves the shop, and Ctrl-C leaves no process behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { ensureBuilt } from './support/build';
import { descendants, isAlive } from './support/processes';

jest.setTimeout(90_000);

const CLI = path.resolve(__dirname, '../dist/src/cli.js');

beforeAll(() => ensureBuilt());

it('rejects invalid ports with a readable message and exit code 2', async () => {
  const child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  expect(code).toBe(2);
  expect(stderr).toContain('invalid options');
  expect(stderr).toContain('port');
});

it('starts the shop, prints the URL, and stops every child on SIGINT', async () => {
  const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`cli exited before it was ready:\n${output}`)));
  });

  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  const products = await fetch(`${url}/api/products?limit=2`);
  expect(products.status).toBe(200);
  expect((await products.json()) as { items: unknown[] }).toMatchObject({ items: expect.any(Array) });

  const children = descendants(child.pid!);
  expect(children.length).toBeGreaterThanOrEqual(4); // postgres, redis-server, catalog, order, main, …
  child.kill('SIGINT');
  const [code] = (await once(child, 'exit')) as [number];
  expect(code).toBe(0);
  expect(output).toContain('stack: stopped');
  expect(children.filter(isAlive)).toEqual([]);
});
