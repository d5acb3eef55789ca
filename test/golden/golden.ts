/**
 * Shared by the golden tests (src/metrics/golden.test.ts, src/fairness/golden.test.ts): the checked-in
 * reference files and the one rule for comparing with them.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Every figure must come out within this of the reference (scikit-learn / Fairlearn). */
export const TOLERANCE = 1e-9;

/** A file of test/golden/ as text. */
export const golden = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** Expected null/NaN means "not defined": ours must be NaN. Otherwise within the tolerance. */
export function expectClose(actual: number, wanted: number | null, what: string) {
  if (wanted === null || Number.isNaN(wanted)) {
    expect(actual, what).toBeNaN();
    return;
  }
  expect(Math.abs(actual - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThan(TOLERANCE);
}
