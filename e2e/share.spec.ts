import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { openSample, trainAndReport } from './training';

/**
 * Issue 6, step 10 "Share and reuse" on Adult: the HTML and Markdown model card with the audit and the
 * user's (escaped) fields; a project saved, the page cleared, the project opened and everything back; the
 * model exported and a new CSV scored, a formula cell neutralised in the download.
 */

async function download(page: Page, name: string | RegExp, within = page.locator('body')) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    within.getByRole('button', { name }).click(),
  ]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

const HOSTILE = '<script>alert("x")</script> & loans for "everyone"';

test('report, project, model export and scoring, on Adult', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openSample(page, 'Adult income');
  await page.getByLabel('Backend').selectOption('typescript');
  await trainAndReport(page);
  const accuracy = await page.getByTestId('train-result').textContent();

  const step = page.getByRole('region', { name: 'Share and reuse' });
  await step.scrollIntoViewIfNeeded();
  await step.getByLabel('Intended use').fill(HOSTILE);
  await step.getByLabel('People affected').fill('Adults applying for a loan');
  await shot(page, testInfo, '40-share', 'share');

  // The HTML report: self-contained, the audit inside, the user's text escaped, and it opens.
  const html = await download(page, 'Download report (HTML)', step);
  expect(html.name).toBe('adult-logistic-report.html');
  const text = readFileSync(html.path, 'utf8');
  expect(text).not.toContain('<script');
  expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; loans');
  expect(text).toMatch(/Content-Security-Policy/);
  expect(text).not.toMatch(/(src|href)="https?:/);
  const card = await page.context().newPage();
  await card.setContent(text);
  await expect(card.getByRole('heading', { name: /fair/i }).first()).toBeVisible();
  await expect(card.locator('body')).toContainText('sex');
  await expect(card.locator('body')).toContainText('Female');
  await expect(card.locator('body')).toContainText('Adults applying for a loan');
  await expect(card.locator('body')).toContainText('Cleaning steps');
  await expect(card.locator('svg').first()).toBeVisible();
  await card.close();

  const md = readFileSync((await download(page, 'Download report (Markdown)', step)).path, 'utf8');
  expect(md).toMatch(/^# /);
  expect(md).toContain('\\<script\\>');
  expect(md).toContain('Female');

  // Export the model, then score a new file with it: an extra column, a formula cell, no target column.
  const model = await download(page, 'Export model', step);
  expect(model.name).toBe('adult-logistic-model.json');
  expect(JSON.parse(readFileSync(model.path, 'utf8'))).toMatchObject({ format: 'lepton-model', version: 1 });
  const lines = readFileSync('public/samples/adult-test.csv', 'utf8').trim().split('\n').slice(0, 21);
  const header = lines[0].split(',');
  const income = header.indexOf('income');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',').filter((_, c) => c !== income);
    if (i === 0)
      cells[header.indexOf('occupation')] = '=HYPERLINK("http://evil.example","click")'.replace(/,/g, ';');
    return [...cells, `note ${i}`].join(',');
  });
  const fresh = testInfo.outputPath('new-applicants.csv');
  writeFileSync(fresh, [[...header.filter((h) => h !== 'income'), 'note'].join(','), ...rows].join('\n'));
  await step.getByLabel('Score a new CSV').setInputFiles(fresh);
  const scored = step.getByTestId('scored');
  await expect(scored).toContainText('20 rows of new-applicants.csv scored.');
  await expect(scored).toContainText(/Predicted: "<=50K" \d+/);
  await expect(scored).toContainText('Not used by the model, ignored: race, sex, note.');
  const predictions = await download(page, 'Download predictions (CSV)', step);
  expect(predictions.name).toBe('new-applicants-predictions.csv');
  const csv = readFileSync(predictions.path, 'utf8').split('\r\n');
  expect(csv[0]).toBe(`${header.filter((h) => h !== 'income').join(',')},note,prediction,probability`);
  expect(csv[1]).toContain(`'=HYPERLINK(`);
  expect(csv[1]).toMatch(/,note 0,(<=50K|>50K),0\.\d+$/);
  expect(csv.filter(Boolean)).toHaveLength(21);

  // A file that lacks columns the model needs is explained, and nothing else changes.
  const lacking = testInfo.outputPath('lacking.csv');
  writeFileSync(lacking, 'age,sex\n30,Male\n');
  await step.getByLabel('Score a new CSV').setInputFiles(lacking);
  await expect(step.getByRole('alert')).toContainText(/This file lacks \d+ columns the model needs/);

  // Save the project with its data, clear the page, open the project: everything is back.
  const project = await download(page, 'Save project', step);
  expect(project.name).toBe('adult.lepton-project.json');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await page.getByLabel('Open project').setInputFiles(project.path);
  await expect(page.getByTestId('dataset-summary')).toContainText('adult.csv');
  await expect(page.getByTestId('train-result')).toBeVisible();
  expect(await page.getByTestId('train-result').textContent()).toBe(accuracy);
  await expect(page.getByLabel('Backend')).toHaveValue('typescript');
  await expect(page.getByRole('region', { name: 'Is it fair' })).toBeVisible();
  const reopened = page.getByRole('region', { name: 'Share and reuse' });
  await expect(reopened.getByLabel('Intended use')).toHaveValue(HOSTILE);
  // And it is the session now: a reload keeps it.
  await page.reload();
  await expect(page.getByTestId('train-result')).toBeVisible();

  // A damaged project is refused with a clear message, and the page keeps what it had.
  const damaged = testInfo.outputPath('damaged.lepton-project.json');
  const saved = JSON.parse(readFileSync(project.path, 'utf8'));
  saved.settings.steps = [{ type: 'format-disk' }];
  writeFileSync(damaged, JSON.stringify(saved));
  await page
    .getByRole('region', { name: 'Share and reuse' })
    .getByLabel('Open project')
    .setInputFiles(damaged);
  await expect(page.getByRole('alert')).toContainText('This project file is damaged or was edited');
  await expect(page.getByTestId('train-result')).toBeVisible();

  // "Open project" also opens the exported model on a fresh page, and scores a new file with it: no data loaded.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await page
    .getByLabel('Open project')
    .setInputFiles({ name: model.name, mimeType: 'application/json', buffer: readFileSync(model.path) });
  const opened = page.getByTestId('opened-model');
  await expect(opened).toContainText('Model file opened: adult-logistic-model.json');
  await expect(opened).toContainText('It predicts "income" (Logistic regression, trained on adult.csv).');
  await opened.getByLabel('Score a new CSV').setInputFiles(fresh);
  await expect(opened.getByTestId('scored')).toContainText('20 rows of new-applicants.csv scored.');
  const again = await download(page, 'Download predictions (CSV)', opened);
  expect(readFileSync(again.path, 'utf8')).toBe(readFileSync(predictions.path, 'utf8'));
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
});

test('a project saved without its data asks for the data file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('Upload CSV').setInputFiles('e2e/fixtures/semicolon-decimal.csv');
  await expect(page.getByTestId('dataset-summary')).toContainText('semicolon-decimal.csv');
  const step = page.getByRole('region', { name: 'Share and reuse' });
  await step.getByLabel('Include the data in the file').uncheck();
  const project = await download(page, 'Save project', step);
  expect(JSON.parse(readFileSync(project.path, 'utf8')).data.base64).toBeUndefined();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await page.getByLabel('Open project').setInputFiles(project.path);
  await expect(page.getByRole('status').filter({ hasText: 'saved without its data' })).toContainText(
    'Choose the file "semicolon-decimal.csv"',
  );
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  // Another file is caught (its size differs) and nothing is loaded.
  await page.getByLabel('Choose the data file').setInputFiles('e2e/fixtures/headerless.csv');
  await expect(
    page.getByRole('status').filter({ hasText: 'not the one the project was saved with' }),
  ).toBeVisible();
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await page.getByLabel('Choose the data file').setInputFiles('e2e/fixtures/semicolon-decimal.csv');
  await expect(page.getByTestId('dataset-summary')).toContainText('semicolon-decimal.csv: 12 rows');
});
