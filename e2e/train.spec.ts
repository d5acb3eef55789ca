import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, fixture, loaded, shot, test } from './harness';

/**
 * Training in the page. The machines running this suite have no GPU: WebGPU and WebGL run through
 * SwiftShader (about 40× and 4× slower than WASM, with 5–20 s of shader compilation), so the GPU backends are
 * forced on the 1,000-row German credit sample while the automatic choice trains on all of Adult.
 */

const TRAINING_TIMEOUT = 150_000;

/** Records every main-thread task of 50 ms or more (Long Tasks API) from page start. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
/**
 * Brings the Train step into view and lets the page settle before measuring: charts of the earlier steps are
 * drawn when scrolled to (recharts, 100-300 ms each on a busy machine), and that is the data step's cost, not
 * training's. Then empties the record of long tasks, so only what follows counts.
 */
async function settleBeforeTraining(page: Page) {
  await page.evaluate(() => document.getElementById('train')?.scrollIntoView());
  await page.waitForTimeout(1000);
  await longTasks(page);
}
const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

async function openSample(page: Page, sample: 'Adult income' | 'German credit', query = '') {
  await page.goto(`/${query}`);
  await page.getByRole('button', { name: sample }).click();
  await loaded(page, sample === 'Adult income' ? 'adult.csv' : 'german-credit.csv');
  await expect(page.getByRole('button', { name: 'Train model' })).toBeEnabled();
}

/** Records every text the training status line shows, from now on (MutationObserver in the page). */
async function recordStatus(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __status: string[] };
    w.__status = [];
    new MutationObserver(() => {
      const text = document.querySelector('#train .train-status')?.textContent;
      if (text && w.__status[w.__status.length - 1] !== text) w.__status.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const statusSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __status: string[] }).__status);

const trainRegion = (page: Page) => page.getByRole('region', { name: 'Train a model' });

/** Clicks "Train model" and waits for the result; returns the downloaded report. */
async function trainAndReport(page: Page) {
  await page.getByRole('button', { name: 'Train model' }).click();
  const result = page.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: TRAINING_TIMEOUT });
  return result;
}

async function downloadReport(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  const file = await download.path();
  return JSON.parse(readFileSync(file, 'utf8')) as {
    type: string;
    task: string;
    version: number;
    dataset: { name: string; rows: number; testFile: { name: string; rows: number } | null };
    target: string;
    positiveClass: string;
    sensitive: string[];
    split: { train: number; validation: number; test: number; seed: number };
    model: {
      kind: string;
      backend: string;
      epochs: number;
      stoppedBy: string;
      bestEpoch: number;
      fallbacks: { from: string; to: string }[];
    };
    metrics: { accuracy: number; baselineAccuracy: number };
    fairness: { attribute: string; groups: { group: string }[] }[];
  };
}

test('a newcomer trains a model on Adult: progress, curves, a test accuracy, a report, and the page never blocks', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await watchLongTasks(page);
  await openSample(page, 'Adult income');
  await expect(page.getByLabel('Target column')).toHaveValue('income');
  const sensitive = page.getByRole('group', { name: 'Sensitive attributes' });
  await sensitive.getByRole('checkbox', { name: 'race', exact: true }).uncheck();
  await expect(page.getByTestId('bias-race')).toHaveCount(0);
  const train = trainRegion(page);
  await expect(train.getByLabel('Logistic regression')).toBeChecked();
  await expect(train.getByLabel(/Use the official test file \(adult-test\.csv/)).toBeChecked();
  await settleBeforeTraining(page); // only what happens from here on counts
  await recordStatus(page);
  await page.getByRole('button', { name: 'Train model' }).click();
  const result = page.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: TRAINING_TIMEOUT });
  await expect(result).toContainText(/Trained on (the processor \(plain TypeScript\)|WebGPU|WebGL)/);
  // Without a GPU this takes well under a second, so what the progress line showed was recorded as it changed.
  const seen = await statusSeen(page);
  expect(
    seen.some((text) => /^Epoch \d+ of 50/.test(text)),
    seen.join(' | '),
  ).toBe(true);
  expect(
    seen.some((text) => /about .* left at most/.test(text)),
    seen.join(' | '),
  ).toBe(true);
  await expect(result).toContainText(
    /The model is right 8\d\.\d% of the time on the test rows; always guessing "<=50K" would be right 76\.4% of the time\./,
  );
  await expect(result.getByTestId('stopped-by')).toContainText(/Stopped early after epoch \d+/);
  // Training and validation loss, then validation accuracy.
  await expect(result.getByTestId('loss-chart').locator('polyline')).toHaveCount(3);
  await expect(result.getByTestId('loss-chart')).toContainText(
    /Accuracy on the validation rows: 8\d(\.\d)?% after/,
  );

  const tasks = await longTasks(page);
  expect(Math.max(0, ...tasks), `main-thread tasks during training: ${tasks.join(', ')} ms`).toBeLessThan(
    200,
  );
  await shot(page, testInfo, '11-adult-trained', 'train-result');

  const report = await downloadReport(page);
  expect(report.type).toBe('lepton-workbench-report');
  expect(report.version).toBe(1);
  expect(report.dataset).toMatchObject({ name: 'adult.csv', rows: 32561, testFile: { rows: 16281 } });
  expect(report.target).toBe('income');
  expect(report.positiveClass).toBe('>50K');
  expect(report.sensitive).toEqual(['sex']);
  expect(report.split.test).toBe(16281);
  expect(report.model.kind).toBe('logistic');
  expect(['typescript', 'webgl', 'webgpu']).toContain(report.model.backend);
  expect(report.model.stoppedBy).toBe('early-stopping');
  // scikit-learn's LogisticRegression gets 0.853 on this split; the issue asks for at least 0.848.
  expect(report.metrics.accuracy).toBeGreaterThanOrEqual(0.848);
  expect(report.metrics.baselineAccuracy).toBeCloseTo(0.7638, 3);
  // The fairness audit rides along (its figures are checked against Fairlearn's in the unit tests).
  expect(report.fairness.map((e) => e.attribute)).toEqual(['sex']);
  expect(report.fairness[0].groups.map((g) => g.group).sort()).toEqual(['Female', 'Male']);
});

for (const [backend, label, shown] of [
  ['webgpu', 'WebGPU (graphics card)', 'WebGPU'],
  ['webgl', 'WebGL (graphics card)', 'WebGL'],
  ['wasm', 'Processor, TF.js WASM', 'WASM'],
  ['cpu', 'Processor, TF.js CPU', 'CPU'],
] as const) {
  test(`training runs on ${shown} when forced (German credit)`, async ({ page }, testInfo) => {
    test.setTimeout(TRAINING_TIMEOUT + 60_000);
    await openSample(page, 'German credit');
    await page.getByLabel('Backend').selectOption({ label });
    const result = await trainAndReport(page);
    await expect(result.getByTestId('backend-note')).toContainText(`Trained on ${shown}`);
    await expect(result.getByTestId('backend-note')).toContainText('You chose this backend.');
    await expect(result).toContainText(/always guessing "good" would be right 70% of the time/);
    const report = await downloadReport(page);
    expect(report.model.backend).toBe(backend);
    expect(report.metrics.accuracy).toBeGreaterThan(0.7);
    if (backend === 'webgpu') await shot(page, testInfo, '12-german-webgpu', 'train-result');
  });
}

test('when WebGPU fails to start, training falls back to the next backend and says so', async ({ page }) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await openSample(page, 'German credit', '?simulate=webgpu-init-fail');
  await page.getByLabel('Backend').selectOption('webgpu');
  const result = await trainAndReport(page);
  await expect(result.getByTestId('backend-note')).toContainText(
    /WebGPU, which you chose, could not be used \(.*simulated failure.*\), so .+ was used instead\./,
  );
  const report = await downloadReport(page);
  expect(report.model.backend).not.toBe('webgpu');
  expect(report.metrics.accuracy).toBeGreaterThan(0.7);
});

test('when the GPU device is lost mid-training, the run goes on on the next backend', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await openSample(page, 'German credit', '?simulate=device-lost');
  await page.getByLabel('Backend').selectOption('webgpu');
  const result = await trainAndReport(page);
  await expect(result.getByTestId('backend-note')).toContainText(
    /WebGPU stopped working after epoch 1 \(.*\); training started again on .+\. Nothing you chose was lost\./,
  );
  await expect(result).toContainText(/The model is right/);
  await shot(page, testInfo, '13-device-lost', 'train-result');
  const report = await downloadReport(page);
  expect(report.model.fallbacks).toHaveLength(1);
  expect(report.model.fallbacks[0]).toMatchObject({ from: 'webgpu' });
  expect(report.model.backend).toBe(report.model.fallbacks[0].to);
});

/** Sets the MLP to many epochs with early stopping out of reach, so a run lasts until stopped. */
async function longMlp(page: Page) {
  const train = trainRegion(page);
  await train.getByLabel('Neural network (MLP)').check();
  await train.getByText('Advanced settings').click();
  await train.getByLabel('Epochs', { exact: true }).fill('300');
  await train.getByLabel('Patience (epochs)').fill('300');
}

test('Stop ends training after the current epoch and keeps the best model so far', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await watchLongTasks(page);
  await openSample(page, 'Adult income');
  await longMlp(page);
  await settleBeforeTraining(page);
  await page.getByRole('button', { name: 'Train model' }).click();
  const train = trainRegion(page);
  await expect(
    train.getByTestId('train-status').filter({ hasText: /Epoch ([3-9]|\d\d+) of 300/ }),
  ).toBeVisible({
    timeout: 90_000,
  });
  await expect(train.getByTestId('loss-chart')).toBeVisible();
  await shot(page, testInfo, '10-adult-training', 'train');
  await train.getByRole('button', { name: 'Stop' }).click();
  const result = page.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('stopped-by')).toContainText(
    /You stopped training after epoch \d+\. The best model so far \(epoch \d+\) is kept\./,
  );
  await expect(result).toContainText(/The model is right 8\d\.\d% of the time/);
  const tasks = await longTasks(page);
  expect(Math.max(0, ...tasks), `main-thread tasks during training: ${tasks.join(', ')} ms`).toBeLessThan(
    200,
  );
  await shot(page, testInfo, '14-stopped', 'train-result');

  const report = await downloadReport(page);
  expect(report.model.kind).toBe('mlp');
  expect(report.model.stoppedBy).toBe('user');
  expect(report.model.epochs).toBeLessThan(300);
});

test('a reload during training brings the choices back and marks the run interrupted', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT + 60_000);
  await openSample(page, 'Adult income');
  await longMlp(page);
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Train model' }).click();
  const train = trainRegion(page);
  await expect(train.getByTestId('train-status').filter({ hasText: /Epoch \d+ of 300/ })).toBeVisible({
    timeout: 90_000,
  });
  await page.reload();
  await loaded(page, 'adult.csv: 32,561 rows, 15 columns');
  await expect(page.getByTestId('train-interrupted')).toContainText('interrupted');
  await expect(train.getByLabel('Neural network (MLP)')).toBeChecked();
  await expect(page.getByLabel('Backend')).toHaveValue('wasm');
  await expect(train.getByLabel('Epochs', { exact: true })).toHaveValue('300');
  await expect(page.getByLabel('Target column')).toHaveValue('income');
  await shot(page, testInfo, '15-interrupted', 'train');
  // Nothing is lost: training again works from the restored page.
  await train.getByLabel('Decision tree').check();
  const result = await trainAndReport(page);
  await expect(result).toContainText('Trained on the processor (plain TypeScript)');
  await expect(page.getByTestId('train-interrupted')).toHaveCount(0);
});

test('a test file the user uploads is used for the test rows', async ({ page }) => {
  test.setTimeout(TRAINING_TIMEOUT);
  await openSample(page, 'Adult income');
  const train = trainRegion(page);
  await train.getByLabel('Upload a test file…').setInputFiles('public/samples/adult-test.csv');
  await expect(train.getByLabel('Use the test file adult-test.csv')).toBeChecked();
  await train.getByLabel('Decision tree').check();
  const result = await trainAndReport(page);
  await expect(result).toContainText('tested on 16,281 rows');
  const report = await downloadReport(page);
  expect(report.dataset.testFile).toMatchObject({ rows: 16281 });
  // scikit-learn's depth-limited tree reaches 0.845 or more here; the bar.
  expect(report.metrics.accuracy).toBeGreaterThanOrEqual(0.845);
  await expect(result).not.toContainText('changed since this model was trained');
  await train.getByRole('button', { name: 'Remove test file' }).click();
  await expect(train.getByLabel(/Use the official test file/)).toBeVisible();
  // The result was tested on the uploaded file: it says it no longer matches the choices.
  await expect(result).toContainText('changed since this model was trained');

  // Another file, uploaded after removing the first, is read afresh (not taken for the first one).
  await train.getByLabel('Upload a test file…').setInputFiles(fixture('adult-test-2000.csv'));
  await expect(train.getByLabel('Use the test file adult-test-2000.csv')).toBeChecked();
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByTestId('train-result')).toContainText('tested on 2,000 rows', {
    timeout: TRAINING_TIMEOUT,
  });
  await expect(page.getByTestId('train-result')).not.toContainText('changed since this model was trained');
  const second = await downloadReport(page);
  expect(second.dataset.testFile).toMatchObject({ name: 'adult-test-2000.csv', rows: 2000 });
});

test('a number to predict trains linear regression and reads as an error in its units', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT);
  await openSample(page, 'German credit');
  await page.getByLabel('Target column').selectOption('credit amount');
  await expect(page.getByLabel('Task')).toHaveValue('regression');
  const train = trainRegion(page);
  await expect(train.getByLabel('Linear regression')).toBeChecked();
  const result = await trainAndReport(page);
  await expect(result).toContainText(
    /Typical error \(RMSE\) on the test rows: [\d,.]+, against [\d,.]+ when always guessing the average\. R² = 0\.\d+/,
  );
  await expect(result.getByTestId('loss-chart')).toContainText('R² on the validation rows');
  await shot(page, testInfo, '16-regression', 'train-result');
  const report = await downloadReport(page);
  expect(report.task).toBe('regression');
  const metrics = report.metrics as unknown as { rmse: number; baselineRmse: number; r2: number };
  // Loan amounts follow duration and instalment rate closely: the model must beat the average by far.
  expect(metrics.rmse).toBeLessThan(metrics.baselineRmse);
  expect(metrics.r2).toBeGreaterThan(0.3);
});

test('a column with several classes trains a softmax model and reports per-class averages', async ({
  page,
}) => {
  test.setTimeout(TRAINING_TIMEOUT);
  await openSample(page, 'German credit');
  await page.getByLabel('Target column').selectOption('housing');
  await page.getByLabel('Task').selectOption('multiclass');
  const train = trainRegion(page);
  const result = await trainAndReport(page);
  await expect(result).toContainText(
    /The model is right \d+(\.\d)?% of the time on the test rows; always guessing "own"/,
  );
  await expect(result).toContainText(/Average F1 over the classes: 0\.\d+/);
  await expect(train.getByLabel('Logistic regression')).toBeChecked();
  const report = await downloadReport(page);
  expect(report.task).toBe('multiclass');
  // "property" and "other installment plans" say much about housing: 0.79 against 0.71 by the CLI, same seed.
  expect(report.metrics.accuracy).toBeGreaterThan(report.metrics.baselineAccuracy);
});
