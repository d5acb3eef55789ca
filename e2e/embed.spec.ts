import { expect, test } from './harness';
import { TRAINING_TIMEOUT } from './training';

/**
 * Embedding (docs/embedding.md): URL parameters preload a sample and settings, `embed=1` hides the chrome,
 * and the frame tells its parent page when a run finishes and what the results are. The parent here is the
 * example page shipped in public/, served by the same local server.
 */
test('the example page embeds Adult, preloaded, and hears lepton:trained and lepton:results', async ({
  page,
}) => {
  test.setTimeout(2 * TRAINING_TIMEOUT);
  await page.goto('/embed-example.html');
  const frame = page.frameLocator('#workbench');
  await expect(frame.getByTestId('dataset-summary')).toContainText('adult.csv', { timeout: 60_000 });
  // Embed mode: no header, no "Start over", no step 10; the privacy promise and the language stay.
  await expect(frame.getByRole('button', { name: 'Start over' })).toHaveCount(0);
  await expect(frame.getByRole('region', { name: 'Share and reuse' })).toHaveCount(0);
  await expect(frame.getByText('Your data stays on this device')).toBeVisible();
  await expect(frame.getByLabel('Language')).toBeVisible();
  await expect(frame.getByLabel('Target column')).toHaveValue('income');
  await expect(
    frame.getByRole('group', { name: 'Sensitive attributes' }).getByRole('checkbox', { name: 'sex' }),
  ).toBeChecked();
  await expect(
    frame.getByRole('group', { name: 'Sensitive attributes' }).getByRole('checkbox', { name: 'race' }),
  ).not.toBeChecked();

  await frame.getByLabel('Backend').selectOption('typescript');
  await frame.getByRole('button', { name: 'Train model' }).click();
  await expect(page.locator('#messages li[data-type="lepton:trained"]')).toHaveCount(1, {
    timeout: TRAINING_TIMEOUT,
  });
  await expect(page.locator('#messages li[data-type="lepton:results"]')).not.toHaveCount(0);
  const trained = JSON.parse(
    (await page.locator('#messages li[data-type="lepton:trained"]').textContent())!.replace(/^[^{]*/, ''),
  );
  expect(trained).toMatchObject({ type: 'lepton:trained', version: 1, model: 'logistic', target: 'income' });
  const results = JSON.parse(
    (await page.locator('#messages li[data-type="lepton:results"]').last().textContent())!.replace(
      /^[^{]*/,
      '',
    ),
  );
  expect(results.metrics.accuracy).toBeGreaterThan(0.8);
  expect(results.fairness[0]).toMatchObject({ attribute: 'sex' });
  expect(results.fairness[0].demographicParityDifference).toBeGreaterThan(0.1);
  await expect(page.locator('#summary')).toContainText(
    /Accuracy 0\.8\d\d; demographic parity difference by sex/,
  );
});

test('URL parameters preload a sample and settings, and never touch the saved session', async ({ page }) => {
  // Saved work first: Adult, loaded the usual way.
  await page.goto('/');
  await page.getByRole('button', { name: 'Adult income' }).click();
  await expect(page.getByTestId('dataset-summary')).toContainText('adult.csv');
  // Saved once the analysis is done: wait for the stored file, so leaving the page cannot cut the write.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const open = indexedDB.open('lepton-workbench');
            open.onsuccess = () => {
              const get = open.result.transaction('session').objectStore('session').get('file');
              get.onsuccess = () => resolve((get.result as { name?: string } | undefined)?.name ?? null);
              get.onerror = () => resolve(null);
            };
            open.onerror = () => resolve(null);
          }),
      ),
    )
    .toBe('adult.csv');

  await page.goto('/?sample=german&target=credit%20risk&sensitive=sex&model=tree');
  await expect(page.getByTestId('dataset-summary')).toContainText('german-credit.csv');
  await expect(page.getByText('Opened from a link: what you do on this page is not saved')).toBeVisible();
  await expect(page.getByLabel('Target column')).toHaveValue('credit risk');
  await expect(page.getByRole('radio', { name: /Decision tree/ })).toBeChecked();
  // The snippet of step 10 embeds the same sample and settings, never the data.
  const snippet = await page.getByLabel('Embed snippet').inputValue();
  expect(snippet).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?sample=german&amp;target=credit\+risk&amp;positive=\w+&amp;sensitive=sex&amp;model=tree&amp;embed=1" title="Lepton Workbench"/,
  );

  // Without the link, the saved work is there as it was.
  await page.goto('/');
  await expect(page.getByTestId('dataset-summary')).toContainText('adult.csv');
  await expect(page.getByRole('radio', { name: /Logistic regression/ })).toBeChecked();
});

test('an unknown sample in the URL says so', async ({ page }) => {
  await page.goto('/?sample=nope');
  await expect(page.getByRole('alert')).toContainText('The sample data could not be opened.');
});
