// End to end: the stack `npm start` runs, driven through Debian's Chromium like a shopper and an SRE would.
// Each page is checked with axe-core and photographed (see support/screenshots.ts).
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from '@eks-sre-lab/harness';
import { startStack, type Stack } from '../src';
import { axeViolations } from './support/a11y';
import { launchBrowser } from './support/browser';
import { ensureBuilt } from './support/build';
import { isAlive } from './support/processes';
import { screenshot } from './support/screenshots';

jest.setTimeout(60_000);

describe('shop in a real browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    [stack, browser] = await Promise.all([
      startStack({
        port: 0,
        breakerResetMs: 1_000,
        env: { main: { BREAKER_FAILURE_THRESHOLD: '2', RETRY_MAX_RETRIES: '0' } },
      }),
      launchBrowser(),
    ]);
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Photographs the page and expects no WCAG A/AA violation on it. */
  const checkPage = async (name: string) => {
    await screenshot(page, name);
    expect(await axeViolations(page)).toEqual([]);
  };

  it('browses the catalog, orders from the cart, finds the order under my orders and by its number', async () => {
    await page.goto(stack.urls.frontend!);
    const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    await page.waitForLoadState('networkidle'); // images tried (offline: placeholders)
    await checkPage('catalog');

    const first = cards.first();
    const name = (await first.getByRole('heading').innerText()).trim();
    await first.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkPage('product');

    await page.goBack();
    await cards
      .first()
      .getByRole('button', { name: `Add to cart: ${name}` })
      .click();
    await cards
      .first()
      .getByRole('button', { name: `Add to cart: ${name}` })
      .click();
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('heading', { name: 'Cart' }).waitFor();
    expect(await page.getByLabel(`Quantity of ${name}`).inputValue()).toBe('2');
    await checkPage('cart');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('User id').fill('e2e-shopper');
    await page.getByLabel('Shipping address').fill('1 Test Street, Springfield');
    await checkPage('checkout');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.getByText('Thank you! Your order was placed.').waitFor();
    const orderHeading = await page.getByRole('heading', { level: 1 }).innerText();
    const orderId = /#(\S+)/.exec(orderHeading)?.[1];
    expect(orderId).toMatch(/^\d+$/);
    await checkPage('order');

    await page.getByRole('link', { name: 'My orders' }).first().click();
    const row = page.getByRole('row', { name: new RegExp(`#${orderId}\\b`) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\$\d+\.\d{2}/);
    await checkPage('my-orders');

    await page.getByRole('link', { name: 'Find order' }).click();
    await page.getByLabel('Order number').fill(orderId!);
    await checkPage('find-order');
    await page.getByLabel('Order number').press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`#${orderId}$`) }).waitFor();
  });

  it('works from the keyboard alone: tab to a product, add it, open the cart', async () => {
    await page.goto(stack.urls.frontend!);
    await page.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    const before = await cartCount(page);
    const label = await tabUntil(page, (el) => el.tag === 'BUTTON' && el.label.startsWith('Add to cart'));
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await cartCount(page)) === before + 1, { what: `${label} in the cart` });
    await tabUntil(page, (el) => el.tag === 'A' && /^Cart/.test(el.label), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cart' }).waitFor();
  });

  it('uploads a file and shows where it was stored', async () => {
    await page.getByRole('link', { name: 'Upload' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello from the e2e suite\n'.repeat(2_000)),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const key = page.getByTestId('upload-key');
    await key.waitFor();
    expect(await key.innerText()).toMatch(/\.txt$/); // the gateway names objects by uuid, keeping the extension
    expect(await page.getByText('50,000 bytes').count()).toBe(1);
    await checkPage('upload');
  });

  it('shows live order events, the catalog down with an open breaker after a kill, and the recovery', async () => {
    await page.getByRole('link', { name: 'Status' }).click();
    const health = page.getByTestId('health-catalog');
    const breaker = page.getByTestId('breaker-catalog');
    await hasText(health, 'Up');
    await hasText(breaker, 'Closed');
    await page.getByRole('row', { name: /GET/ }).first().waitFor(); // per-route p95 / error rate

    const orderId = await placeOrder(stack.urls.api);
    await page
      .getByRole('list', { name: 'Order events' })
      .getByRole('listitem')
      .filter({ hasText: `Order #${orderId}:` })
      .first()
      .waitFor(); // pushed over /api/events
    await checkPage('dashboard');

    await stack.handles.catalog.kill('SIGKILL');
    await hasText(health, 'Down');
    // The breaker opens on failed calls, not on health checks, and half-opens 1 s later: keep shoppers'
    // calls failing until the dashboard's next poll (every 2 s) has shown it open.
    await waitUntil(
      async () => {
        await fetch(`${stack.urls.api}/products?limit=1`);
        return (await breaker.innerText()).trim() === 'Open';
      },
      { what: 'the dashboard to show the catalog breaker open', timeoutMs: 20_000, intervalMs: 200 },
    );
    await screenshot(page, 'dashboard-catalog-down');

    await stack.handles.catalog.restart();
    // Past the 1 s reset the next call is the half-open probe; its success closes the breaker.
    await waitUntil(async () => (await fetch(`${stack.urls.api}/products?limit=1`)).ok, {
      what: 'the gateway to reach the restarted catalog',
      timeoutMs: 20_000,
    });
    await hasText(health, 'Up');
    await hasText(breaker, 'Closed');
  });

  it('stops every process and removes the temp dirs', async () => {
    const { handles } = stack;
    const pids = [handles.catalog.pid, handles.order.pid, handles.main.pid];
    expect(pids.filter(isAlive)).toHaveLength(3);
    const dirs = [handles.postgres?.dir, handles.s3.dir].filter((d): d is string => !!d);
    await stack.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(dirs.filter((d) => fs.existsSync(d))).toEqual([]);
    await expect(fetch(stack.urls.frontend!)).rejects.toThrow();
  });
});

/** Waits (polling in the page) until the locator's text is exactly `text`. */
async function hasText(locator: Locator, text: string, timeout = 20_000): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).waitFor({ timeout });
}

async function cartCount(page: Page): Promise<number> {
  const link = await page.getByRole('link', { name: /^Cart/ }).innerText();
  return Number(/\d+/.exec(link)?.[0] ?? 0);
}

interface Focused {
  tag: string;
  label: string;
}

/** Presses Tab (or Shift+Tab) until the focused element matches; returns its accessible label. */
async function tabUntil(page: Page, match: (el: Focused) => boolean, key = 'Tab'): Promise<string> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
    });
    if (match(focused)) return focused.label;
  }
  throw new Error(`no focused element matched within 80 presses of ${key}`);
}

/** An order through the gateway (as another shopper), to see its events arrive on the dashboard. */
async function placeOrder(api: string): Promise<string> {
  const res = await fetch(`${api}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      userId: 'e2e-watcher',
      shippingAddress: '2 Watch Road',
      items: [{ productId: 2, quantity: 1 }],
    }),
  });
  expect(res.status).toBe(201);
  return String(((await res.json()) as { id: number | string }).id);
}
