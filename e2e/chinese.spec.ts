import { readFileSync } from 'node:fs';
import { expect, shot, test } from './harness';
import { TRAINING_TIMEOUT } from './training';

/**
 * The whole loop in Simplified Chinese: the "Language" select switches every string (steps, buttons,
 * findings, errors, the report) and the number formats; the choice survives a reload.
 */
test('the loop in Chinese: load, train, results, findings, the report', async ({ page }, testInfo) => {
  test.setTimeout(2 * TRAINING_TIMEOUT);
  await page.goto('/');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '载入数据' })).toBeVisible();
  await expect(page.locator('.privacy')).toHaveText('你的数据只留在这台设备上');
  await page.getByRole('button', { name: '成人收入（Adult）' }).click();
  await expect(page.getByTestId('dataset-summary')).toContainText('adult.csv');
  await shot(page, testInfo, 'zh-01-load');
  await page.getByLabel('计算后端').selectOption('typescript');
  await page.getByRole('button', { name: '训练模型' }).click();
  await expect(page.getByTestId('train-result')).toBeVisible({ timeout: TRAINING_TIMEOUT });
  await shot(page, testInfo, 'zh-05-train', 'train');

  const fairness = page.getByRole('region', { name: '是否公平' });
  await expect(fairness).toBeVisible();
  await expect(fairness.getByTestId('audit-sex').getByTestId('four-fifths')).toContainText(
    /群体“Female”被预测为“>50K”的频率是“Male”的 0\.\d\d 倍；五分之四规则要求至少为 0\.8。/,
  );
  await shot(page, testInfo, 'zh-07-fairness', 'fairness');
  await expect(page.getByRole('region', { name: '模型有多好' })).toBeVisible();
  await shot(page, testInfo, 'zh-06-performance', 'performance');
  await expect(page.getByRole('region', { name: '为什么' })).toBeVisible();
  await shot(page, testInfo, 'zh-08-explain', 'explain');
  await expect(page.getByRole('region', { name: '让它更公平' })).toBeVisible();
  await shot(page, testInfo, 'zh-09-mitigate', 'mitigate');

  const share = page.getByRole('region', { name: '分享与复用' });
  await shot(page, testInfo, 'zh-10-share', 'share');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    share.getByRole('button', { name: /下载报告（HTML）/ }).click(),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('lang="zh-CN"');
  expect(html).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(html).toContain('Female');

  // The choice is kept: a reload stays in Chinese.
  await page.reload();
  await expect(page.getByRole('heading', { name: '载入数据' })).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('zh');
});

test('errors are in Chinese too', async ({ page }) => {
  await page.goto('/?lang=zh');
  await page.getByLabel('上传 CSV').setInputFiles({
    name: 'data.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"a": 1}'),
  });
  await expect(page.getByRole('alert')).toContainText(/JSON/);
  await expect(page.getByRole('alert')).toContainText(/[\u4e00-\u9fff]{4}/);
});
