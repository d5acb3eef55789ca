/**
 * Helpers shared by the tests of groupThresholds.ts (groupThresholds.test.ts, groupThresholds.synthetic.test.ts).
 * Not used by the app.
 */
import { expect } from 'vitest';
import type { FairnessConstraint, GroupThresholds } from './groupThresholds';

export const CONSTRAINTS: FairnessConstraint[] = [
  'demographic-parity',
  'equal-opportunity',
  'equalized-odds',
];

/** Every rule is a well-formed mixture. */
export function expectWellFormed(t: GroupThresholds) {
  for (const r of [...t.rules, t.fallback]) {
    expect(r.low).toBeLessThanOrEqual(r.high);
    for (const v of [r.pBetween, r.mix, r.baseRate]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  }
}
