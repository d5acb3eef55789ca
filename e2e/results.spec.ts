import { expect, shot, test } from './harness';
import { downloadReport, openSample, trainAndReport, trainRegion, TRAINING_TIMEOUT } from './training';

/** A figure as the page shows it (3 decimals, en-US), to compare with the downloaded report. */
const shown = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });

test('Adult: the results show metrics with the baseline, the audit by sex and sex × race, importance, proxies, what-if, and follow the threshold', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT);
  await openSample(page, 'Adult income');
  await trainAndReport(page);

  // How good is it: the headline against the baseline, every figure, the curves.
  const performance = page.getByRole('region', { name: 'How good is it' });
  await expect(performance.getByTestId('performance-headline')).toHaveText(
    /^The model is right 8\d\.\d% of the time on the test rows; always guessing "<=50K" would be right 76\.\d% of the time\.$/,
  );
  for (const figure of ['Balanced accuracy', 'Precision', 'Recall', 'F1', 'ROC AUC', 'Log loss'])
    await expect(performance.getByTestId('metrics-table')).toContainText(figure);
  await expect(performance.getByTestId('confusion')).toContainText('Actual: >50K');
  // Charts are drawn when scrolled to.
  await performance.getByTestId('confusion').scrollIntoViewIfNeeded();
  await expect(performance.getByTestId('roc-curve').locator('svg').first()).toBeVisible();
  await expect(performance.getByTestId('calibration').locator('svg').first()).toBeVisible();
  await shot(page, testInfo, '20-results-performance', 'performance');

  // Is it fair: sex, with the four-fifths sentence and the chart with intervals.
  const fairness = page.getByRole('region', { name: 'Is it fair' });
  const sex = fairness.getByTestId('audit-sex');
  await sex.getByTestId('fairness-finding').scrollIntoViewIfNeeded();
  await expect(sex.getByTestId('four-fifths')).toContainText(
    /The group "Female" is predicted ">50K" 0\.\d\d times as often as "Male"; the four-fifths guideline asks for at least 0\.8\./,
  );
  await expect(sex.getByTestId('group-chart').locator('.recharts-errorBar').first()).toBeAttached();
  await expect(sex.getByTestId('group-table')).toContainText('Female');
  await expect(fairness.getByTestId('proxy-finder').locator('tbody tr').first()).toContainText(
    'relationship',
  );
  await shot(page, testInfo, '21-results-fairness', 'fairness');
  const parityShown = await sex
    .locator('[data-disparity="demographicParityDifference"] td')
    .first()
    .innerText();

  // The intersection sex × race: every combination, with its interval (Female × Amer-Indian-Eskimo: 66 rows).
  await fairness.getByLabel('Attribute').selectOption('sex × race');
  const both = fairness.getByTestId('audit-sex × race');
  await expect(both.getByTestId('group-table')).toContainText('Female × Black');
  await expect(both.getByTestId('group-table').locator('tbody tr')).toHaveCount(10);
  await expect(both.getByTestId('four-fifths')).toContainText('The group "Female × Amer-Indian-Eskimo"');
  await fairness.getByLabel('Attribute').selectOption('sex');

  // Why: importance (measured in the worker) and partial dependence.
  const explain = page.getByRole('region', { name: 'Why' });
  await explain.getByTestId('importance-sentence').scrollIntoViewIfNeeded();
  await expect(explain.getByTestId('importance-sentence')).toContainText(/The model leans most on "[\w-]+"/);
  await expect(
    explain.getByTestId('importance-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeAttached();
  await expect(explain.getByTestId('coefficients')).toContainText('per standard deviation');
  await explain.getByTestId('coefficients').scrollIntoViewIfNeeded();
  await expect(explain.getByTestId('partial-dependence')).toHaveCount(3);

  // The what-if editor: the first listed change flips the decision.
  await explain.getByTestId('partial-dependence').first().scrollIntoViewIfNeeded();
  const whatIf = explain.getByTestId('what-if');
  const prediction = whatIf.getByTestId('what-if-prediction');
  await expect(prediction).toContainText('Prediction: "<=50K"');
  await whatIf
    .getByTestId('flips')
    .getByRole('button', { name: /Try it/ })
    .first()
    .click();
  await expect(prediction).toContainText('Prediction: ">50K"');
  await expect(whatIf).toContainText('Before your changes: Prediction: "<=50K"');
  await shot(page, testInfo, '22-results-explain', 'explain');
  await shot(page, testInfo, '22-results-what-if', 'what-if');

  // The threshold slider moves every figure, the audit's too.
  const accuracyCell = performance.locator('[data-metric="accuracy"] td').first();
  const accuracyAtHalf = await accuracyCell.innerText();
  await performance.getByLabel('Decision threshold').fill('0.3');
  await expect(performance.getByTestId('threshold-value')).toHaveText('0.3');
  await expect(accuracyCell).not.toHaveText(accuracyAtHalf);
  await expect(fairness.getByTestId('audit-threshold')).toContainText('threshold 0.3');
  await expect(sex.locator('[data-disparity="demographicParityDifference"] td').first()).not.toHaveText(
    parityShown,
  );
  await shot(page, testInfo, '23-results-threshold', 'performance');

  // The report holds exactly the figures shown, at the threshold shown.
  const report = (await downloadReport(page)) as unknown as {
    threshold: number;
    metrics: Record<string, number>;
    fairness: { attribute: string; demographicParityDifference: number; groups: { group: string }[] }[];
    importance: { feature: string; mean: number; std: number }[];
    proxies: { feature: string; attribute: string; score: number }[];
  };
  expect(report.threshold).toBe(0.3);
  await expect(accuracyCell).toHaveText(shown(report.metrics.accuracy));
  await expect(performance.locator('[data-metric="f1"] td').first()).toHaveText(shown(report.metrics.f1));
  const sexEntry = report.fairness.find((e) => e.attribute === 'sex');
  await expect(sex.locator('[data-disparity="demographicParityDifference"] td').first()).toHaveText(
    shown(sexEntry?.demographicParityDifference ?? NaN),
  );
  expect(report.fairness.map((e) => e.attribute)).toEqual(['sex', 'race', 'sex × race']);
  expect(report.importance.length).toBeGreaterThan(5);
  await expect(explain.getByTestId('importance-sentence')).toContainText(`"${report.importance[0].feature}"`);
  expect(report.proxies[0]).toMatchObject({ feature: 'relationship', attribute: 'sex' });

  // A reload brings the results back whole, at the threshold the user left.
  await page.reload();
  const restored = page.getByRole('region', { name: 'How good is it' });
  await expect(restored.getByTestId('threshold-value')).toHaveText('0.3', { timeout: 30_000 });
  await expect(restored.locator('[data-metric="accuracy"] td').first()).toHaveText(
    shown(report.metrics.accuracy),
  );
  await expect(page.getByRole('region', { name: 'Why' }).getByTestId('importance-sentence')).toContainText(
    `"${report.importance[0].feature}"`,
  );
});

test('a decision tree is drawn with the path of the row chosen in the what-if editor', async ({
  page,
}, testInfo) => {
  test.setTimeout(TRAINING_TIMEOUT);
  await openSample(page, 'Adult income');
  await trainRegion(page).getByLabel('Decision tree').check();
  await trainAndReport(page);
  const explain = page.getByRole('region', { name: 'Why' });
  await explain.getByTestId('importance').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 1500);
  const tree = explain.getByTestId('tree-diagram');
  await expect(tree.locator('svg .tree-node.active').first()).toBeAttached();
  const path = tree.getByTestId('tree-path');
  await expect(path).toContainText(/^The chosen row's path: .+ → .+ rows\.$/);
  const before = await path.innerText();
  // Another row, or a changed field, takes another path.
  await explain
    .getByTestId('what-if')
    .getByLabel('marital-status', { exact: true })
    .selectOption('Married-civ-spouse');
  await expect(path).not.toHaveText(before);
  await shot(page, testInfo, '24-results-tree', 'tree');
  await tree.getByLabel('Show the whole tree').check();
  await expect(tree.locator('svg .tree-node').nth(20)).toBeAttached();
  await expect(explain.getByTestId('coefficients')).toHaveCount(0);
});
