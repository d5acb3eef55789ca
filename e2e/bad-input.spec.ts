import { expect, loaded, shot, test, upload } from './harness';

const cases: [string, string][] = [
  ['empty.csv', 'This file is empty.'],
  ['binary.csv', 'This is not a text file (it looks like a PNG image).'],
  ['header-only.csv', 'This file has column names but no data rows.'],
  ['one-column.csv', 'Only one column was found in this file.'],
  ['data.json', 'This file holds JSON, not a table of comma-separated values.'],
];

for (const [file, message] of cases) {
  test(`${file} is refused with a clear message and the data loaded before stays`, async ({ page }) => {
    await page.goto('/');
    await upload(page, 'semicolon-decimal.csv');
    await loaded(page, 'semicolon-decimal.csv: 12 rows');
    await upload(page, file);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText(`(${file})`);
    await expect(page.getByTestId('dataset-summary')).toContainText('semicolon-decimal.csv: 12 rows');
    await expect(page.getByTestId('column-height (m)')).toBeVisible();
  });
}

test('an empty file on a fresh page gets a message and the page stays usable', async ({ page }, testInfo) => {
  await page.goto('/');
  await upload(page, 'empty.csv');
  await expect(page.getByRole('alert')).toContainText('This file is empty.');
  await shot(page, testInfo, '09-empty-file-alert');
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'German credit' }).click();
  await loaded(page, 'german-credit.csv');
});

test('a target with a single class is explained', async ({ page }) => {
  await page.goto('/');
  await upload(page, 'one-class.csv');
  await loaded(page, '10 rows, 3 columns');
  await page.getByLabel('Target column').selectOption('approved');
  await expect(page.getByRole('alert')).toContainText(
    '"approved" has only one value, so there is nothing to predict.',
  );
});

test('column names and cells are shown as text, never run as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/');
  const hostile =
    '<img src=x onerror=alert(1)>,"<script>alert(2)</script>",plain\n<b>bold</b>,=1+1,x\nok,<i>y</i>,z\n';
  await page
    .getByLabel('Upload CSV')
    .setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
  await loaded(page, 'hostile.csv: 2 rows, 3 columns');
  await expect(page.locator('.preview')).toContainText('<b>bold</b>');
  await expect(page.getByTestId('column-<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('.preview b')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a UTF-16 file ("Unicode text" from Excel) is explained', async ({ page }) => {
  await page.goto('/');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n1\t2\n', 'utf16le')]);
  await page
    .getByLabel('Upload CSV')
    .setInputFiles({ name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16 });
  await expect(page.getByRole('alert')).toContainText('saved as UTF-16');
});
