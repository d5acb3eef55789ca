import { expect, shot, test } from './harness';
import { openSample, trainAndReport, TRAINING_TIMEOUT } from './training';
import { readFileSync } from 'node:fs';

/**
 * Issue 5 on Adult: the audit shows the gap by sex, "Try all remedies" trains every remedy on the same split
 * and seed, the comparison plots them, the user chooses one, and the downloaded report carries the chosen
 * run with its mitigation and its baseline beside it. The plain typed-array loop keeps the six runs quick.
 */
test('Adult: try all remedies, compare them, choose one, export it', async ({ page }, testInfo) => {
  test.setTimeout(4 * TRAINING_TIMEOUT);
  await openSample(page, 'Adult income');
  await page.getByLabel('Backend').selectOption('typescript');
  await trainAndReport(page);

  // The audit shows the gap.
  const fairness = page.getByRole('region', { name: 'Is it fair' });
  await expect(fairness.getByTestId('audit-sex').getByTestId('four-fifths')).toContainText(
    /The group "Female" is predicted ">50K" 0\.\d\d times as often as "Male"/,
  );

  const step = page.getByRole('region', { name: 'Make it fairer' });
  await step.scrollIntoViewIfNeeded();
  for (const name of ['Reweighing', 'Resampling', 'Fairness penalty', 'Group thresholds', 'Dropping proxies'])
    await expect(step.getByRole('heading', { name })).toBeVisible();
  await expect(step.getByTestId('remedy-thresholds')).toContainText('treats groups differently');
  await expect(step.getByLabel('Protect')).toHaveValue('sex');
  // Before any remedy: one run, the plain one, in the comparison.
  await expect(step.getByTestId('run-row')).toHaveCount(1);
  await shot(page, testInfo, '30-mitigate-before', 'mitigate');

  await step.getByRole('button', { name: 'Try all remedies' }).click();
  await expect(step.getByTestId('remedies-progress')).toContainText(/Run 1 of 5: Reweighing…/);
  // The results of the last finished run stay in view while the next remedy trains.
  await expect(page.getByRole('region', { name: 'Is it fair' })).toBeVisible();
  await expect(step.getByTestId('run-row')).toHaveCount(6, { timeout: 3 * TRAINING_TIMEOUT });
  await expect(step.getByTestId('remedies-progress')).toHaveText('Done: 5 of 5 runs finished.');
  await expect(step.getByRole('button', { name: 'Try all remedies' })).toBeEnabled();

  // The chart shows one point per run (six) and the frontier; the table has each run's figures.
  const chart = step.getByTestId('tradeoff-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('.recharts-scatter').nth(1).locator('.recharts-scatter-symbol')).toHaveCount(6);
  await expect(chart.locator('.recharts-scatter-line').first()).toBeAttached();
  const table = step.getByTestId('runs-table');
  for (const name of [
    'Plain model',
    'Reweighing',
    'Resampling',
    'Fairness penalty (demographic parity, λ = 5)',
    'Group thresholds (demographic parity)',
    'Dropping proxies',
  ])
    await expect(
      table.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }),
    ).toBeVisible();

  // Every remedy lowered the parity gap of the plain model (the goal of the defaults).
  const parity = async (name: string) => {
    const row = table
      .getByTestId('run-row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    return Number(await row.locator('td').nth(5).innerText());
  };
  const plain = await parity('Plain model');
  expect(plain).toBeGreaterThan(0.15);
  for (const name of ['Reweighing', 'Resampling', 'Fairness penalty', 'Group thresholds', 'Dropping proxies'])
    expect(await parity(name)).toBeLessThan(plain);

  // A group-thresholds run has no single threshold: the slider gives way to a sentence saying why.
  await step.getByRole('radio', { name: /^Choose Group thresholds/ }).check();
  const performance = page.getByRole('region', { name: 'How good is it' });
  await expect(performance.getByTestId('group-thresholds-note')).toContainText(
    'the threshold slider does not apply',
  );
  await expect(performance.getByLabel('Decision threshold')).toHaveCount(0);
  await expect(page.getByTestId('run-name')).toHaveText(
    'This run: Group thresholds (demographic parity), protecting "sex".',
  );
  await shot(page, testInfo, '32-mitigate-thresholds-run', 'performance');

  // Choose reweighing: the results above show it, and the export carries its mitigation and the baseline.
  await step.getByRole('radio', { name: 'Choose Reweighing' }).check();
  await expect(step.getByTestId('chosen-run')).toContainText('Chosen: Reweighing.');
  await shot(page, testInfo, '31-mitigate-compared', 'run-comparison');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    step.getByRole('button', { name: 'Download report of the chosen run (JSON)' }).click(),
  ]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(report.mitigation).toEqual({ method: 'reweigh', attribute: 'sex', options: {} });
  expect(report.chosen).toBe(true);
  expect(report.baseline.metrics.accuracy).toBeGreaterThan(report.metrics.accuracy - 0.05);
  const gap = (r: { fairness: { attribute: string; demographicParityDifference: number }[] }) =>
    r.fairness.find((e) => e.attribute === 'sex')?.demographicParityDifference ?? NaN;
  expect(gap(report)).toBeLessThan(gap(report.baseline));
  expect(report.split.seed).toBe(42);

  // The main "Download report" exports the chosen run too, and a reload keeps the runs and the choice.
  const [main] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  expect(JSON.parse(readFileSync(await main.path(), 'utf8')).mitigation.method).toBe('reweigh');
  await page.reload();
  const again = page.getByRole('region', { name: 'Make it fairer' });
  await expect(again.getByTestId('run-row')).toHaveCount(6, { timeout: 30_000 });
  await expect(again.getByRole('radio', { name: 'Choose Reweighing' })).toBeChecked();
});
