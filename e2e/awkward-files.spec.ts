import { readFileSync } from 'node:fs';
import { expect, fixture, loaded, shot, test, upload } from './harness';

test('a headerless file is detected and its columns can be named', async ({ page }, testInfo) => {
  await page.goto('/');
  await upload(page, 'headerless.csv');
  await loaded(page, 'headerless.csv: 300 rows, 15 columns');
  await expect(page.getByText('No header row was found')).toBeVisible();
  const first = page.getByLabel('Name of column 1', { exact: true });
  await expect(first).toHaveValue('Column 1');
  await first.fill('age');
  await first.press('Enter');
  const last = page.getByLabel('Name of column 15', { exact: true });
  await last.fill('income');
  await last.press('Enter');
  await expect(page.getByTestId('column-age')).toContainText('Number');
  await page.getByLabel('Target column').selectOption('income');
  await expect(page.getByLabel('Positive class')).toHaveValue('>50K');
  await shot(page, testInfo, '07-headerless-named', 'load');
});

test('a semicolon file with decimal commas reads its numbers', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'semicolon-decimal.csv');
  await loaded(page, '12 rows, 5 columns');
  await expect(page.getByText('Values are separated by semicolons (detected).')).toBeVisible();
  await expect(page.getByText('Numbers use a decimal comma')).toBeVisible();
  const height = page.getByTestId('column-height (m)');
  await expect(height).toContainText('Number');
  // Heights run from 1,59 to 1,88 in the file.
  await expect(height.locator('dl')).toContainText('Min1.59');
  await expect(height.locator('dl')).toContainText('Max1.88');
  await expect(page.locator('.preview')).toContainText('Köln');
});

test('a leading sep= line sets the delimiter and is not read as data', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'sep-line.csv');
  await loaded(page, '6 rows, 4 columns');
  await expect(page.getByText('from the "sep=" line')).toBeVisible();
  await expect(page.getByTestId('column-price')).toContainText('Number');
});

test('a UTF-8 file with a byte-order mark, CRLF and quoted newlines keeps its text', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'bom-crlf.csv');
  await loaded(page, '8 rows, 4 columns');
  await expect(page.getByText('A byte-order mark at the start of the file was removed.')).toBeVisible();
  const preview = page.locator('.preview');
  await expect(preview.getByRole('columnheader', { name: 'id', exact: true })).toBeVisible();
  await expect(preview).toContainText('张伟');
  await expect(preview).toContainText('second line, after');
});

test('duplicate and empty column names are made unique and the user is told', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'duplicate-headers.csv');
  await loaded(page, '8 rows, 5 columns');
  await expect(page.getByText('The column name "score" appears more than once')).toBeVisible();
  await expect(page.getByText('1 column has no name in the header')).toBeVisible();
  await expect(page.getByTestId('column-score (2)')).toBeVisible();
  await expect(page.getByTestId('column-Column 5')).toBeVisible();
});

test('ragged rows, blank lines and missing-value markers are counted and reported', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await upload(page, 'ragged.csv');
  await loaded(page, '20 rows, 4 columns');
  await expect(
    page.getByText('3 rows had a different number of values than the header (2 too few'),
  ).toBeVisible();
  await expect(page.getByText('Missing values were marked as')).toContainText('"NA"');
  await expect(page.getByTestId('column-age')).toContainText('Number');
  await shot(page, testInfo, '08-ragged-notes', 'load');
});

test('a Latin-1 file shows its accented letters correctly', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'latin1.csv');
  await loaded(page, '8 rows, 3 columns');
  await expect(page.getByText('it was read as Latin-1')).toBeVisible();
  await expect(page.locator('.preview')).toContainText('José');
  await expect(page.locator('.preview')).toContainText('Zürich');
});

test('a file dropped on the drop zone is loaded', async ({ page }) => {
  await page.goto('/');
  const text = readFileSync(fixture('semicolon-decimal.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  }, text);
  await page.getByTestId('dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
  await loaded(page, 'dropped.csv: 12 rows, 5 columns');
});

test('reading options re-read the file, and a choice that fails keeps the table', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'semicolon-decimal.csv');
  await loaded(page, '12 rows, 5 columns');
  await page.getByText('Reading options').click();
  await page.getByLabel('Delimiter').selectOption(',');
  await expect(page.getByRole('alert')).toContainText('Only one column was found');
  await expect(page.getByTestId('dataset-summary')).toContainText('12 rows, 5 columns');
  await expect(page.getByLabel('Delimiter')).toHaveValue('auto');
  await page.getByRole('checkbox', { name: 'First row holds column names' }).uncheck();
  await loaded(page, '13 rows, 5 columns');
  await expect(page.getByLabel('Name of column 1', { exact: true })).toHaveValue('Column 1');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
