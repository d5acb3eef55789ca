import type { Locator, Page } from '@playwright/test';
import { expect, loaded, shot, test } from './harness';
import { TRAINING_TIMEOUT } from './training';

/**
 * The whole loop with the keyboard alone, no mouse: choose the Adult sample, check the target and the sensitive
 * attribute it presets, pick the plain TypeScript backend, train, move the decision threshold with the arrow
 * keys, open a chart's table, download the report. At each stop the focused element must show a focus ring.
 */

/** Whether `target` has the focus; false while it is not in the page yet (no waiting for it). */
const isFocused = async (target: Locator) =>
  (await target.count()) > 0 &&
  (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 }));

/**
 * Presses Tab (Shift+Tab when `backwards`) until `target` has the focus; fails after `max` presses. A short
 * pause after each press lets parts drawn when scrolled into view (charts and their tables) appear as the
 * focus, and with it the page, moves down.
 */
async function tabTo(page: Page, target: Locator, { max = 400, backwards = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await page.waitForTimeout(15);
  }
  expect(await isFocused(target), `focus reached ${target} within ${max} presses of Tab`).toBe(true);
}

/** The focused element draws a ring: an outline (or a box shadow) that is not "none" nor zero wide. */
async function expectFocusRing(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', outline: 'none', shadow: 'none' };
    const style = getComputedStyle(el);
    return {
      element: el.outerHTML.slice(0, 80),
      outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : style.outline,
      shadow: style.boxShadow,
    };
  });
  expect(
    ring.outline !== 'none' || ring.shadow !== 'none',
    `a visible focus indicator on ${ring.element}`,
  ).toBe(true);
}

test('the whole loop with the keyboard alone', async ({ page }, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await page.goto('/');

  // Step 1: the Adult sample.
  const adult = page.getByRole('button', { name: 'Adult income' });
  await tabTo(page, adult);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await loaded(page, 'adult.csv');

  // Step 3: the sample presets the target and the sensitive attributes; the keyboard reaches both.
  const goal = page.getByRole('region', { name: 'What to predict' });
  const target = goal.getByLabel('Target column');
  await tabTo(page, target);
  await expectFocusRing(page);
  await expect(target).toHaveValue('income');
  const sex = goal.getByRole('group', { name: 'Sensitive attributes' }).getByLabel('sex', { exact: true });
  await tabTo(page, sex);
  await expectFocusRing(page);
  await expect(sex).toBeChecked();

  // Step 5: the plain TypeScript backend, chosen with the arrow keys on the select, then "Train model".
  const backend = page.getByLabel('Backend');
  await tabTo(page, backend);
  await expectFocusRing(page);
  for (let i = 0; i < 6 && (await backend.inputValue()) !== 'typescript'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(backend).toHaveValue('typescript');
  const trainButton = page.getByRole('button', { name: 'Train model' });
  await tabTo(page, trainButton);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('train-result')).toBeVisible({ timeout: TRAINING_TIMEOUT });

  // Step 6: the threshold slider moves with the arrow keys, and the figures follow it.
  const performance = page.getByRole('region', { name: 'How good is it' });
  const slider = performance.getByLabel('Decision threshold');
  await tabTo(page, slider);
  await expectFocusRing(page);
  const accuracy = performance.locator('[data-metric="accuracy"] td').first();
  const before = await accuracy.innerText();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(performance.getByTestId('threshold-value')).toHaveText('0.6');
  await expect(accuracy).not.toHaveText(before);

  // The ROC curve's figures as a table, opened with Enter on its toggle. The curves are drawn once scrolled
  // near, which Tab does only as the focus goes past them: on to step 7's first field, then back.
  await tabTo(page, page.getByRole('region', { name: 'Is it fair' }).getByLabel('Attribute'));
  const rocTable = performance.getByTestId('roc-table');
  const toggle = rocTable.locator('summary');
  await tabTo(page, toggle, { backwards: true });
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(rocTable.getByRole('table', { name: 'Points of the ROC curve' })).toBeVisible();
  await expect(rocTable).toContainText('At the current threshold 0.6');
  await shot(page, testInfo, '40-keyboard-roc-table', 'performance');
  await rocTable.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('roc-table.png') });

  // Back up with Shift+Tab to the report's download, and take it with Enter.
  const download = page.getByRole('button', { name: 'Download report (JSON)' });
  await tabTo(page, download, { backwards: true });
  await expectFocusRing(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toMatch(/\.json$/);
});
