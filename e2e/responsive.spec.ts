import { expect, shot, test } from './harness';
import {
  TRAINING_TIMEOUT,
  watchLongTasks,
  settleBeforeTraining,
  longTasks,
  openSample,
  recordStatus,
  statusSeen,
  trainRegion,
  downloadReport,
  longMlp,
} from './training';

/**
 * The two training tests that time the page's main thread (no task over 200 ms while a model trains). They
 * run after every other test, one after the other (playwright.config.ts, project "responsiveness"): a Long
 * Task is wall-clock time, and with another browser training on the same 2 cores the main thread is simply
 * not scheduled for a while, which is the machine's load, not the page blocking.
 */
test.describe.configure({ mode: 'serial' });

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
  // Taking a screenshot paints the whole page on the main thread: its own cost, left out of the measure.
  const beforeShot = await longTasks(page);
  await shot(page, testInfo, '10-adult-training', 'train');
  await longTasks(page);
  await train.getByRole('button', { name: 'Stop' }).click();
  const result = page.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('stopped-by')).toContainText(
    /You stopped training after epoch \d+\. The best model so far \(epoch \d+\) is kept\./,
  );
  await expect(result).toContainText(/The model is right 8\d\.\d% of the time/);
  const tasks = [...beforeShot, ...(await longTasks(page))];
  expect(Math.max(0, ...tasks), `main-thread tasks during training: ${tasks.join(', ')} ms`).toBeLessThan(
    200,
  );
  await shot(page, testInfo, '14-stopped', 'train-result');

  const report = await downloadReport(page);
  expect(report.model.kind).toBe('mlp');
  expect(report.model.stoppedBy).toBe('user');
  expect(report.model.epochs).toBeLessThan(300);
});
