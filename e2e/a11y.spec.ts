import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { openSample, trainAndReport, TRAINING_TIMEOUT } from './training';

/**
 * axe-core on every step of the loop (WCAG 2.1 A and AA rules): the empty page, the data steps 1–4 with the
 * Adult sample, the results steps 5–8 after training, step 9 with a remedy compared, and once at 768 px.
 * A violation of impact "serious" or "critical" fails the test; lesser ones are printed, not failed.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);

/** Each violation on one line per element: rule id, impact, the element's selector and what axe found. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      ].join('\n'),
    )
    .join('\n');
}

async function checkPage(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const failing = result.violations.filter((v) => FAILING.has(v.impact ?? ''));
  const minor = result.violations.filter((v) => !FAILING.has(v.impact ?? ''));
  if (minor.length) console.log(`[axe] ${where}: minor findings\n${describe(minor)}`);
  // One line per rule and element, so a failure reads as a list rather than axe's whole result object.
  const found = failing.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
  expect.soft(found, `serious or critical axe violations ${where}:\n${describe(failing)}`).toEqual([]);
}

/**
 * Brings every part of the page into view once, from top to bottom: charts and some tables render only
 * when scrolled near (WhenVisible), and axe checks only what is in the document.
 */
async function renderEverything(page: Page) {
  for (let guard = 0; guard < 200; guard++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(120);
    if (atEnd) break;
  }
  await page.waitForTimeout(400); // the last charts' first draw
  // The charts' table alternatives are built when opened: open them all, so their tables are checked too.
  await page.evaluate(() =>
    document.querySelectorAll<HTMLDetailsElement>('details.chart-table').forEach((d) => (d.open = true)),
  );
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('axe finds no serious or critical violation on any step of the loop', async ({ page }, testInfo) => {
  test.setTimeout(3 * TRAINING_TIMEOUT);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Adult income' })).toBeVisible();
  await checkPage(page, 'on the empty page');

  await openSample(page, 'Adult income');
  await renderEverything(page);
  await checkPage(page, 'with Adult loaded (steps 1–4)');
  await shot(page, testInfo, '41-a11y-column-tables', 'columns');

  await page.getByLabel('Backend').selectOption('typescript');
  await trainAndReport(page);
  await expect(page.getByRole('region', { name: 'Why' })).toBeVisible();
  await renderEverything(page);
  await checkPage(page, 'after training (steps 5–8)');
  await shot(page, testInfo, '42-a11y-explain-tables', 'explain');

  const step = page.getByRole('region', { name: 'Make it fairer' });
  await step.getByRole('button', { name: 'Try reweighing' }).click();
  await expect(step.getByTestId('run-row')).toHaveCount(2, { timeout: TRAINING_TIMEOUT });
  await expect(step.getByTestId('tradeoff-chart')).toBeAttached();
  await renderEverything(page);
  await checkPage(page, 'with a remedy compared (step 9)');

  // Step 10 with a new file scored (its summary and download), then the whole page in Chinese.
  const share = page.getByRole('region', { name: 'Share and reuse' });
  await share.getByLabel('Score a new CSV').setInputFiles('public/samples/adult-test.csv');
  await expect(share.getByTestId('scored')).toBeVisible({ timeout: 60_000 });
  await checkPage(page, 'with step 10 and a file scored');
  await page.getByLabel('Language').selectOption('zh');
  await renderEverything(page);
  await checkPage(page, 'in Chinese');
  await page.getByLabel('Language').selectOption('en');

  // The same page at a tablet's width: the layout changes (one column, no step links).
  await page.setViewportSize({ width: 768, height: 1024 });
  await renderEverything(page);
  await checkPage(page, 'at 768 px wide');
});
