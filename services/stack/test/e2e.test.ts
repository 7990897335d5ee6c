// End to end: the stack `npm start` runs, driven through Debian's Chromium like a shopper and an SRE would.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../src';
import { launchBrowser } from './support/browser';
import { ensureBuilt } from './support/build';
import { isAlive } from './support/processes';

jest.setTimeout(90_000);

const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');

describe('shop in a real browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    stack = await startStack({
      port: 0,
      breakerResetMs: 1_000,
      env: { main: { BREAKER_FAILURE_THRESHOLD: '2', RETRY_MAX_RETRIES: '0' } },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('browses the catalog, orders from the cart and finds the order under my orders', async () => {
    await page.goto(stack.urls.frontend);
    const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await shot('catalog');

    const first = cards.first();
    const name = (await first.getByRole('heading').innerText()).trim();
    await first.getByRole('button', { name: `Add ${name} to cart` }).click();
    await first.getByRole('button', { name: `Add ${name} to cart` }).click();
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('heading', { name: 'Cart' }).waitFor();
    expect(await page.getByLabel(`Quantity of ${name}`).inputValue()).toBe('2');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('User id').fill('e2e-shopper');
    await page.getByLabel('Shipping address').fill('1 Test Street, Springfield');
    await shot('checkout');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.getByText('Thank you! Your order was placed.').waitFor();
    const orderHeading = await page.getByRole('heading', { level: 1 }).innerText();
    const orderId = /#(\S+)/.exec(orderHeading)?.[1];
    expect(orderId).toBeTruthy();

    await page.getByRole('link', { name: 'My orders' }).first().click();
    const row = page.getByRole('row', { name: new RegExp(`#${orderId}\\b`) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\$\d+\.\d{2}/);
  });

  it('uploads a file and shows where it was stored', async () => {
    await page.getByRole('link', { name: 'Upload' }).click();
    await page.getByLabel('File').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello from the e2e suite\n'.repeat(2_000)),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const key = page.getByTestId('upload-key');
    await key.waitFor();
    expect(await key.innerText()).toMatch(/\.txt$/); // the gateway names objects by uuid, keeping the extension
    expect(await page.getByText('50,000 bytes').count()).toBe(1);
  });

  it('shows the catalog down with an open breaker after a kill, and recovered after a restart', async () => {
    await page.getByRole('link', { name: 'Status' }).click();
    const health = page.getByTestId('health-catalog');
    const breaker = page.getByTestId('breaker-catalog');
    await expectText(health, 'Up');
    await page.getByRole('row', { name: /GET/ }).first().waitFor();
    await shot('dashboard');

    await stack.handles.catalog.kill('SIGKILL');
    await tripBreaker(stack.urls.api); // the breaker opens on failed calls, not on health checks
    await expectText(health, 'Down', 20_000);
    await expectText(breaker, 'Open');
    await shot('dashboard-catalog-down');

    await stack.handles.catalog.restart();
    await until(async () => (await fetch(`${stack.urls.api}/products?limit=1`)).ok, 20_000); // half-open probe
    await expectText(health, 'Up', 20_000);
    await expectText(breaker, 'Closed');
  });

  it('stops every process and removes the temp dirs', async () => {
    const { handles } = stack;
    const pids = [handles.catalog.pid, handles.order.pid, handles.main.pid].filter((p): p is number => !!p);
    expect(pids).toHaveLength(3);
    const dirs = [handles.postgres?.dir, handles.s3.dir].filter((d): d is string => !!d);
    await stack.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(dirs.filter((d) => fs.existsSync(d))).toEqual([]);
    expect(
      await fetch(stack.urls.frontend).then(
        () => 'up',
        () => 'down',
      ),
    ).toBe('down');
  });
});

async function tripBreaker(api: string): Promise<void> {
  for (let i = 0; i < 5; i += 1) await fetch(`${api}/products?limit=1`).catch(() => undefined);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function expectText(locator: ReturnType<Page['getByTestId']>, text: string, timeoutMs = 10_000) {
  await until(async () => (await locator.innerText()).trim() === text, timeoutMs);
  expect((await locator.innerText()).trim()).toBe(text);
}
