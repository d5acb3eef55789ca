import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { createThresholdIndex } from '../metrics/threshold';
import {
  auditGroupings,
  fairnessAudit,
  fairnessAuditOf,
  type BinaryAuditEntry,
  type RegressionAuditEntry,
} from './audit';
import type { PipelineResult } from './types';

/** A result with only what the audit reads: task, test predictions and the test rows' groups. */
function result(
  task: 'binary' | 'regression',
  y: number[],
  score: number[],
  groups: PipelineResult['testGroups'],
) {
  const predicted = task === 'binary' ? score.map((p) => (p >= 0.5 ? 1 : 0)) : score;
  return {
    task,
    predictions: {
      y: Float64Array.from(y),
      score: Float64Array.from(score),
      predicted: Float64Array.from(predicted),
    },
    testGroups: groups,
  } as unknown as PipelineResult;
}

// Eight people: sex F F F F M M M M; race a b a b a b a b. Labels and scores chosen so every figure is a
// fraction one can check by hand.
const SEX = { column: 'sex', labels: ['F', 'M'], codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]) };
const RACE = { column: 'race', labels: ['a', 'b'], codes: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]) };
const Y = [1, 0, 0, 0, 1, 1, 0, 0];
const SCORE = [0.9, 0.6, 0.2, 0.1, 0.8, 0.7, 0.6, 0.3];

describe('the fairness audit', () => {
  it('gives per-group rates with intervals and Fairlearn’s disparities, hand-checked', () => {
    const [sex] = fairnessAudit(result('binary', Y, SCORE, [SEX])) as BinaryAuditEntry[];
    // F: y 1 0 0 0, ŷ 1 1 0 0 → selection 2/4, TPR 1/1, FPR 1/3, precision 1/2, accuracy 3/4.
    // M: y 1 1 0 0, ŷ 1 1 1 0 → selection 3/4, TPR 2/2, FPR 1/2, precision 2/3, accuracy 3/4.
    const [f, m] = sex.groups;
    expect(f).toMatchObject({ group: 'F', count: 4, baseRate: 0.25, selectionRate: 0.5, tpr: 1, fnr: 0 });
    expect(f.fpr).toBeCloseTo(1 / 3, 12);
    expect(m).toMatchObject({ group: 'M', selectionRate: 0.75, tpr: 1, fpr: 0.5, accuracy: 0.75 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(sex.demographicParityDifference).toBeCloseTo(0.25, 12);
    expect(sex.demographicParityRatio).toBeCloseTo(2 / 3, 12);
    expect(sex.equalOpportunityDifference).toBe(0);
    expect(sex.equalizedOddsDifference).toBeCloseTo(0.5 - 1 / 3, 12);
    expect(sex.predictiveParityDifference).toBeCloseTo(2 / 3 - 1 / 2, 12);
    expect(sex.accuracyDifference).toBe(0);
    const [low, high] = f.intervals.selectionRate;
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
  });

  it('adds the intersection of every pair of attributes, and writes undefined rates as null', () => {
    const entries = fairnessAudit(result('binary', Y, SCORE, [SEX, RACE])) as BinaryAuditEntry[];
    expect(entries.map((e) => e.attribute)).toEqual(['sex', 'race', 'sex × race']);
    const both = entries[2];
    expect(both.groups.map((g) => g.group)).toEqual(['F × a', 'F × b', 'M × a', 'M × b']);
    // F × b: rows 1 and 3, both negative: no TPR.
    expect(both.groups[1]).toMatchObject({ count: 2, tpr: null, fnr: null });
    expect(both.groups[1].intervals.tpr).toEqual([null, null]);
    expect(both.groupsWithUndefinedRate).toContain('F × b');
    expect(JSON.parse(JSON.stringify(both))).toEqual(both);
  });

  it('does not call one group "parity": with nothing to compare the disparities are null', () => {
    const one = { column: 'sex', labels: ['F', 'M'], codes: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0]) };
    const [sex] = fairnessAudit(result('binary', Y, SCORE, [one])) as BinaryAuditEntry[];
    expect(sex.groups.map((g) => g.group)).toEqual(['F']);
    expect(sex.demographicParityDifference).toBeNull();
    expect(sex.demographicParityRatio).toBeNull();
    expect(sex.equalizedOddsDifference).toBeNull();
  });

  it('follows the decision threshold', () => {
    const [at07] = fairnessAudit(result('binary', Y, SCORE, [SEX]), 0.7) as BinaryAuditEntry[];
    // At 0.7: F selects row 0 only (1/4), M rows 4 and 5 (2/4).
    expect(at07.groups.map((g) => g.selectionRate)).toEqual([0.25, 0.5]);
  });

  it('audits regression by mean prediction, mean error and MAE per group', () => {
    const [sex] = fairnessAudit(
      result('regression', [1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 2, 5, 5, 9, 9], [SEX]),
    ) as RegressionAuditEntry[];
    expect(sex.groups).toEqual([
      { group: 'F', count: 4, meanPrediction: 2, meanError: -0.5, mae: 1 },
      { group: 'M', count: 4, meanPrediction: 7, meanError: 0.5, mae: 1 },
    ]);
  });

  it('gives the same entries from a threshold index as from the rows, at any threshold', () => {
    // 600 rows, three attributes (one with missing values), scores in hundredths so that thresholds tie.
    const rng = createRng(31);
    const n = 600;
    const pick = (k: number, missing = 0) =>
      Int32Array.from({ length: n }, () => (rng() < missing ? -1 : Math.floor(rng() * k)));
    const testGroups = [
      { column: 'sex', labels: ['F', 'M'], codes: pick(2) },
      { column: 'race', labels: ['a', 'b', 'c'], codes: pick(3, 0.1) },
      { column: 'age', labels: ['young', 'old'], codes: pick(2) },
    ];
    const y = Float64Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
    const score = Float64Array.from(y, (v) => Math.round(100 * (0.3 * v + 0.7 * rng())) / 100);
    const scored = {
      task: 'binary' as const,
      y,
      score,
      predicted: Float64Array.from(score, (p) => (p >= 0.5 ? 1 : 0)),
      testGroups,
    };
    const index = createThresholdIndex(y, score, auditGroupings(testGroups));
    expect(index.groupingNames).toEqual(['sex', 'race', 'age', 'sex × race', 'sex × age', 'race × age']);
    for (const t of [0.3, 0.7, 0.5, 0.42]) {
      const withIndex = fairnessAuditOf(scored, t, index);
      expect(withIndex).toEqual(fairnessAuditOf(scored, t));
      expect(withIndex).toEqual(fairnessAudit(result('binary', [...y], [...score], testGroups), t));
      expect(withIndex.map((e) => e.attribute)).toEqual(index.groupingNames);
    }
  });
});
