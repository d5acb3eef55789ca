import { describe, it, expect } from 'vitest';
import { checkFractions, partSizes, splitRows } from './split';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const all = (s: { train: Uint32Array; validation: Uint32Array; test: Uint32Array }) => [
  ...s.train,
  ...s.validation,
  ...s.test,
];
const isAscending = (rows: Uint32Array) => rows.every((r, i) => i === 0 || rows[i - 1] < r);
const countIn = (rows: Uint32Array, strata: Int32Array, code: number) =>
  rows.filter((r) => strata[r] === code).length;

describe('partSizes', () => {
  it('gives each part the floor of its share when the shares are whole', () => {
    expect(partSizes(100, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual([70, 15, 15]);
  });

  it('gives leftover rows to the largest remainders, ties to the earlier part', () => {
    // 7 / 1.5 / 1.5: one row left, validation and test tie at .5, validation is earlier.
    expect(partSizes(10, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual([7, 2, 1]);
    // 3.5 / 1.75 / 1.75: two rows left, to validation and test (.75 beats .5).
    expect(partSizes(7, { train: 0.5, validation: 0.25, test: 0.25 })).toEqual([3, 2, 2]);
    // 2.1 / .45 / .45
    expect(partSizes(3, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual([2, 1, 0]);
  });

  it('never gives a row to a part with a zero fraction', () => {
    expect(partSizes(5, { train: 0.8, validation: 0, test: 0.2 })).toEqual([4, 0, 1]);
    expect(partSizes(3, { train: 0.5, validation: 0, test: 0.5 })).toEqual([2, 0, 1]);
    expect(partSizes(0, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual([0, 0, 0]);
  });
});

describe('checkFractions', () => {
  it('accepts fractions summing to 1 within 1e-9', () => {
    expect(() => checkFractions({ train: 0.7, validation: 0.2, test: 0.1 })).not.toThrow();
    expect(() => checkFractions({ train: 1, validation: 0, test: 0 })).not.toThrow();
  });

  it('rejects negative, non-finite, badly summed or zero-train fractions', () => {
    expect(() => checkFractions({ train: 1.1, validation: -0.1, test: 0 })).toThrow(RangeError);
    expect(() => checkFractions({ train: NaN, validation: 0.5, test: 0.5 })).toThrow(RangeError);
    expect(() => checkFractions({ train: 0.7, validation: 0.2, test: 0.2 })).toThrow(RangeError);
    expect(() => checkFractions({ train: 0, validation: 0.5, test: 0.5 })).toThrow(RangeError);
  });
});

describe('splitRows', () => {
  it('puts every row in exactly one part, 70/15/15 by default, ascending within each', () => {
    const split = splitRows(100, { seed: 1 });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([70, 15, 15]);
    expect(all(split).sort((a, b) => a - b)).toEqual(range(100));
    expect(isAscending(split.train) && isAscending(split.validation) && isAscending(split.test)).toBe(true);
  });

  it('shuffles rows rather than cutting the table in order', () => {
    expect([...splitRows(100, { seed: 1 }).train]).not.toEqual(range(70));
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    const strata = Int32Array.from(range(200), (i) => i % 3);
    expect(splitRows(200, { seed: 7, strata })).toEqual(splitRows(200, { seed: 7, strata }));
    expect(splitRows(200, { seed: 7, strata }).train).not.toEqual(splitRows(200, { seed: 8, strata }).train);
  });

  it('keeps each class share in every part, cutting each class by largest remainders', () => {
    // 80 rows of class 0 (56/12/12) and 20 of class 1 (14/3/3): 20% of every part is class 1.
    const strata = Int32Array.from(range(100), (i) => (i % 5 === 0 ? 1 : 0));
    const split = splitRows(100, { seed: 3, strata });
    expect(countIn(split.train, strata, 1)).toBe(14);
    expect(countIn(split.validation, strata, 1)).toBe(3);
    expect(countIn(split.test, strata, 1)).toBe(3);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([70, 15, 15]);
  });

  it('keeps a class within one row of its share even when the counts do not divide', () => {
    // Class 1 has 7 rows: 4.9 / 1.05 / 1.05 → 5 / 1 / 1.
    const strata = Int32Array.from(range(50), (i) => (i < 7 ? 1 : 0));
    const split = splitRows(50, { seed: 9, strata });
    expect([split.train, split.validation, split.test].map((p) => countIn(p, strata, 1))).toEqual([5, 1, 1]);
  });

  it('leaves rows whose stratum is -1 out of every part', () => {
    const strata = Int32Array.from([0, -1, 1, 0, -1, 1, 0, 1, 0, 1]);
    const rows = all(splitRows(10, { seed: 5, strata }));
    expect(rows.sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('gives an empty validation part when its fraction is 0', () => {
    const split = splitRows(10, { seed: 2, fractions: { train: 0.8, validation: 0, test: 0.2 } });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([8, 0, 2]);
  });

  it('handles an empty table', () => {
    const split = splitRows(0, { seed: 1 });
    expect(all(split)).toEqual([]);
  });

  it('rejects strata of the wrong length, codes below -1 and invalid fractions', () => {
    expect(() => splitRows(3, { seed: 1, strata: Int32Array.from([0, 1]) })).toThrow(RangeError);
    expect(() => splitRows(2, { seed: 1, strata: Int32Array.from([0, -2]) })).toThrow(RangeError);
    const fractions = { train: 0.5, validation: 0.5, test: 0.5 };
    expect(() => splitRows(2, { seed: 1, fractions })).toThrow(RangeError);
    expect(() => splitRows(-1, { seed: 1 })).toThrow(RangeError);
  });
});
