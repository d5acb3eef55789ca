import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, loaded } from './harness';

/** What the training tests (train.spec.ts, responsive.spec.ts) share. */

export const TRAINING_TIMEOUT = 150_000;

/** Records every main-thread task of 50 ms or more (Long Tasks API) from page start. */
export async function watchLongTasks(page: Page) {
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
export async function settleBeforeTraining(page: Page) {
  await page.evaluate(() => document.getElementById('train')?.scrollIntoView());
  await page.waitForTimeout(1000);
  await longTasks(page);
}
export const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

export async function openSample(page: Page, sample: 'Adult income' | 'German credit', query = '') {
  await page.goto(`/${query}`);
  await page.getByRole('button', { name: sample }).click();
  await loaded(page, sample === 'Adult income' ? 'adult.csv' : 'german-credit.csv');
  await expect(page.getByRole('button', { name: 'Train model' })).toBeEnabled();
}

/** Records every text the training status line shows, from now on (MutationObserver in the page). */
export async function recordStatus(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __status: string[] };
    w.__status = [];
    new MutationObserver(() => {
      const text = document.querySelector('#train .train-status')?.textContent;
      if (text && w.__status[w.__status.length - 1] !== text) w.__status.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
export const statusSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __status: string[] }).__status);

export const trainRegion = (page: Page) => page.getByRole('region', { name: 'Train a model' });

/** Clicks "Train model" and waits for the result; returns the downloaded report. */
export async function trainAndReport(page: Page) {
  await page.getByRole('button', { name: 'Train model' }).click();
  const result = page.getByTestId('train-result');
  await expect(result).toBeVisible({ timeout: TRAINING_TIMEOUT });
  return result;
}

export async function downloadReport(page: Page) {
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

/** Sets the MLP to many epochs with early stopping out of reach, so a run lasts until stopped. */
export async function longMlp(page: Page) {
  const train = trainRegion(page);
  await train.getByLabel('Neural network (MLP)').check();
  await train.getByText('Advanced settings').click();
  await train.getByLabel('Epochs', { exact: true }).fill('300');
  await train.getByLabel('Patience (epochs)').fill('300');
}
