import { expect, loaded, shot, test, upload } from './harness';

test('a column kind can be changed, and each cleaning step shows its effect', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'German credit' }).click();
  await loaded(page, 'german-credit.csv: 1,000 rows, 22 columns');
  const duration = page.getByTestId('column-duration (months)');
  await expect(duration).toContainText('Median');
  await page.getByLabel('Kind of duration (months)').selectOption('categorical');
  await expect(duration).not.toContainText('Median');
  await expect(duration).toContainText('Most common: 24 (184)');
  await duration.scrollIntoViewIfNeeded();
  await expect(duration.locator('.recharts-bar-rectangle').first()).toBeVisible();

  await page.getByLabel('Cleaning for credit amount').selectOption('bin');
  const steps = page.locator('.steps-list');
  await expect(steps).toContainText('Group "credit amount" into ranges cut at its quartiles');
  await expect(page.getByTestId('column-credit amount')).toContainText('under');

  await page.getByLabel('Cleaning for telephone').selectOption('exclude');
  await expect(steps).toContainText('Leave out "telephone"');
  await expect(steps).toContainText('The column is left out of everything that follows.');
  await expect(page.getByTestId('column-telephone')).toHaveCount(0);
  await shot(page, testInfo, '11-cleaning-steps', 'columns');

  await page.getByRole('button', { name: 'Remove step: Leave out "telephone"' }).click();
  await expect(page.getByTestId('column-telephone')).toBeVisible();
});

test('missing values can be filled, and a step that drops the target is explained', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'ragged.csv');
  await loaded(page, 'ragged.csv: 20 rows, 4 columns');
  await page.getByLabel('Cleaning for age').selectOption('median');
  await expect(page.locator('.steps-list')).toContainText('Fill missing "age" with the median');
  await expect(page.locator('.steps-list')).toContainText('0 rows removed, 4 cells changed.');
  await expect(page.getByTestId('column-age').locator('dl')).toContainText('Missing0 (0%)');

  await page.getByLabel('Target column').selectOption('score');
  await page.getByLabel('Cleaning for score').selectOption('exclude');
  await expect(page.getByRole('alert')).toContainText('The target column "score" is no longer in the data.');
});
