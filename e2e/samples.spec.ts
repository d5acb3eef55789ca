import { expect, loaded, shot, test } from './harness';

test('the Adult sample loads, profiles every column and shows the bias in its labels by sex', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await shot(page, testInfo, '01-start');
  await page.getByRole('button', { name: 'Adult income' }).click();
  await loaded(page, 'adult.csv: 32,561 rows, 15 columns');
  await expect(page.getByTestId('column-age')).toContainText('Number');
  await expect(page.getByTestId('column-workclass')).toContainText('Missing');
  await expect(page.getByLabel('Target column')).toHaveValue('income');
  await expect(page.getByLabel('Positive class')).toHaveValue('>50K');
  const sensitive = page.getByRole('group', { name: 'Sensitive attributes' });
  await expect(sensitive.getByRole('checkbox', { name: 'sex', exact: true })).toBeChecked();
  await expect(sensitive.getByRole('checkbox', { name: 'race', exact: true })).toBeChecked();
  const bySex = page.getByTestId('bias-sex');
  // UCI Adult's training set: 1,179 of 10,771 women (10.9%) and 6,662 of 21,790 men (30.6%) earn >50K.
  await expect(bySex).toContainText('In this data, 11% of "Female" and 31% of "Male" have income >50K.');
  await expect(bySex).toContainText('Below the four-fifths guideline');
  await expect(bySex.getByRole('row', { name: /Female/ })).toContainText('10,771');
  await expect(page.getByTestId('bias-race')).toContainText('ranges from');
  await shot(page, testInfo, '02-adult-load', 'load');
  await shot(page, testInfo, '03-adult-columns', 'columns');
  await shot(page, testInfo, '04-adult-goal', 'goal');
  await shot(page, testInfo, '05-adult-bias', 'bias');
  await expect(bySex.locator('svg.recharts-surface')).toBeVisible();
  await expect(bySex.locator('.recharts-bar-rectangle')).toHaveCount(2);
});

test('the German credit sample loads with decoded values and groups age into adjustable ranges', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'German credit' }).click();
  await loaded(page, 'german-credit.csv: 1,000 rows, 22 columns');
  await expect(page.getByTestId('column-purpose')).toContainText('radio/television');
  await expect(page.getByLabel('Target column')).toHaveValue('credit risk');
  await expect(page.getByTestId('bias-sex')).toContainText('have credit risk "good"');
  const edges = page.getByLabel('Group boundaries for age');
  await edges.fill('30, 50');
  await edges.press('Enter');
  await expect(page.getByTestId('bias-age')).toContainText('30 to under 50');
  await expect(page.getByText('Groups: under 30, 30 to under 50, 50 and over.')).toBeVisible();
  await edges.fill('50, 30');
  await expect(page.getByText('Type increasing numbers separated by commas.')).toBeVisible();
  await shot(page, testInfo, '06-german-goal', 'goal');
});
