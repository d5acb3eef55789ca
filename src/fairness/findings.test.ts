import { describe, expect, it } from 'vitest';
import type { AuditGroup, BinaryAuditEntry } from '../pipeline/audit';
import { fairnessFinding } from './findings';

const group = (name: string, count: number, selectionRate: number | null): AuditGroup => {
  const rates = { baseRate: 0.3, selectionRate, tpr: 0.6, fpr: 0.1, fnr: 0.4, precision: 0.7, accuracy: 0.8 };
  const intervals = Object.fromEntries(
    Object.keys(rates).map((k) => [k, [null, null]]),
  ) as AuditGroup['intervals'];
  return { group: name, count, ...rates, intervals };
};

const entry = (groups: AuditGroup[], over: Partial<BinaryAuditEntry> = {}): BinaryAuditEntry => ({
  attribute: 'sex',
  groups,
  demographicParityDifference: 0.164,
  demographicParityRatio: 0.31,
  equalOpportunityDifference: 0.08,
  equalizedOddsDifference: 0.08,
  equalizedOddsRatio: 0.23,
  predictiveParityDifference: 0.01,
  accuracyDifference: 0.113,
  groupsWithUndefinedRate: [],
  ...over,
});

describe('fairnessFinding', () => {
  it('names the favoured and disfavoured groups and the definitions not met (Adult by sex, logistic)', () => {
    const f = fairnessFinding(entry([group('Male', 10860, 0.236), group('Female', 5421, 0.073)]));
    expect(f?.favoured).toEqual({ group: 'Male', rate: 0.236 });
    expect(f?.disfavoured).toEqual({ group: 'Female', rate: 0.073 });
    expect(f?.passesFourFifths).toBe(false);
    expect(f?.violated).toEqual(['demographic-parity', 'accuracy-equality']);
    expect(f?.smallGroups).toEqual([]);
  });

  it('flags groups too small to judge, and passes the four-fifths rule at 0.8 exactly', () => {
    const f = fairnessFinding(
      entry([group('a', 500, 0.5), group('b', 12, 0.4)], {
        demographicParityRatio: 0.8,
        accuracyDifference: 0.1,
      }),
    );
    expect(f?.passesFourFifths).toBe(true);
    expect(f?.violated).toEqual([]);
    expect(f?.smallGroups).toEqual(['b']);
  });

  it('has nothing to compare with one group, or when only one group has a selection rate', () => {
    expect(fairnessFinding(entry([group('a', 100, 0.5)], { demographicParityRatio: null }))).toBeNull();
    expect(fairnessFinding(entry([group('a', 100, 0.5), group('b', 0, null)]))).toBeNull();
  });
});
