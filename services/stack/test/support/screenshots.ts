// Where the e2e run saves its page screenshots: docs/screenshots when refreshing the README's pictures
// (`npm run screenshots -w services/stack` sets E2E_SCREENSHOTS, relative to the repository root), otherwise
// the stack's dist/ (not committed), so a plain test run never touches tracked files.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '@eks-sre-lab/harness';

export const SCREENSHOTS = process.env.E2E_SCREENSHOTS
  ? path.resolve(repoRoot(__dirname), process.env.E2E_SCREENSHOTS)
  : path.join(__dirname, '../../dist/e2e-screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
