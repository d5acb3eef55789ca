/**
 * Shared test set-up: every test fails if the page requests anything outside the local preview server
 * (the app must never touch the network), and `shot` saves a 1280×800 screenshot as a test artifact.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string) => path.join(here, 'fixtures', name);

export const test = base.extend<{ offOrigin: string[] }>({
  offOrigin: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const offOrigin: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
          return route.continue();
        offOrigin.push(url);
        return route.abort('blockedbyclient');
      });
      await use(offOrigin);
      expect(offOrigin, 'requests that left the local server').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * What a person sees at 1280×800 with the step `sectionId` scrolled to the top (the page's top without it),
 * attached to the test report and kept in test-results/screenshots/.
 */
export async function shot(page: Page, testInfo: TestInfo, name: string, sectionId?: string) {
  const dir = path.join(here, '..', 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.evaluate((id) => {
    if (id) document.getElementById(id)?.scrollIntoView();
    else window.scrollTo(0, 0);
  }, sectionId);
  await page.waitForTimeout(250); // charts that appear when scrolled into view
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

export async function upload(page: Page, name: string) {
  await page.getByLabel('Upload CSV').setInputFiles(fixture(name));
}

/** Waits until a file is loaded and analysed: the summary line and the column cards are there. */
export async function loaded(page: Page, summary: RegExp | string) {
  await expect(page.getByTestId('dataset-summary')).toContainText(summary);
  await expect(page.locator('.column-card').first()).toBeVisible();
}
