import { expect, fixture, loaded, shot, test } from './harness';
import {
  TRAINING_TIMEOUT,
  openSample,
  trainRegion,
  trainAndReport,
  downloadReport,
  longMlp,
} from './training';

/**
 * Training in the page. The machines running this suite have no GPU: WebGPU and WebGL run through
 * SwiftShader (about 40× and 4× slower than WASM, with 5–20 s of shader compilation), so the GPU backends are
 * forced on the 1,000-row German credit sample while the automatic choice trains on all of Adult. The two
 * tests that time the main thread are in responsive.spec.ts, which runs alone after this file.
 */

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
  // The results: predicted against actual, the errors, and the error per group.
  await page
    .getByRole('region', { name: 'How good is it' })
    .getByTestId('metrics-table')
    .scrollIntoViewIfNeeded();
  await expect(page.getByTestId('predicted-vs-actual').locator('.recharts-scatter').first()).toBeAttached();
  await expect(page.getByTestId('residuals')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Is it fair' }).getByTestId('group-table')).toContainText(
    'Average size of error',
  );
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
  // The results: precision and recall of each class.
  const perClass = page.getByRole('region', { name: 'How good is it' }).getByTestId('per-class');
  await expect(perClass.locator('tbody tr')).toHaveCount(3);
  await expect(perClass).toContainText('own');
});
