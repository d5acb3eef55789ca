import { writeFileSync } from 'node:fs';
import { expect, loaded, shot, test, upload } from './harness';

test('choices, cleaning steps and data survive a reload, and "Start over" clears them', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await upload(page, 'ragged.csv');
  await loaded(page, 'ragged.csv: 20 rows, 4 columns');
  await page.getByLabel('Target column').selectOption('score');
  await expect(page.getByLabel('Task')).toHaveValue('regression');
  const sensitive = page.getByRole('group', { name: 'Sensitive attributes' });
  await sensitive.getByRole('checkbox', { name: 'city' }).check();
  await page.getByLabel('Cleaning for age').selectOption('drop');
  await expect(page.locator('.steps-list')).toContainText('Remove rows where "age" is missing');
  await expect(page.locator('.steps-list')).toContainText(/By city: .* of /);
  await expect(page.getByText(/of 20 rows remain after cleaning/)).toBeVisible();
  await expect(page.getByTestId('bias-city')).toContainText('average score');
  await shot(page, testInfo, '10-cleaning-effects', 'columns');

  await page.reload();
  await loaded(page, 'ragged.csv: 20 rows, 4 columns');
  await expect(page.getByLabel('Target column')).toHaveValue('score');
  await expect(
    page.getByRole('group', { name: 'Sensitive attributes' }).getByRole('checkbox', { name: 'city' }),
  ).toBeChecked();
  await expect(page.locator('.steps-list')).toContainText('Remove rows where "age" is missing');
  await expect(page.getByTestId('bias-city')).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Adult income' })).toBeVisible();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
});

test('loading can be cancelled and the data loaded before stays', async ({ page }, testInfo) => {
  await page.goto('/');
  await upload(page, 'semicolon-decimal.csv');
  await loaded(page, 'semicolon-decimal.csv: 12 rows');
  // ~60 MB of rows: long enough to press Cancel while it is read.
  const row = 'a,1.5,hello world,2024-01-01,some longer text to make the row wider\n';
  const big = testInfo.outputPath('big.csv');
  writeFileSync(big, 'k,x,t,d,note\n' + row.repeat(Math.ceil(60e6 / row.length)));
  await page.getByLabel('Upload CSV').setInputFiles(big);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading was cancelled.' })).toBeVisible();
  await expect(page.getByTestId('dataset-summary')).toContainText('semicolon-decimal.csv: 12 rows');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
