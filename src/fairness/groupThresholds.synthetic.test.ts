import { describe, it, expect } from 'vitest';
import { createRng } from '../core/random';
import { decideWithThresholds, fitGroupThresholds, positiveProbability } from './groupThresholds';
import { CONSTRAINTS, expectWellFormed } from './groupThresholdsTesting';

/** Per group, from per-row probabilities (or 0/1 decisions): selection rate, TPR, FPR and their denominators. */
function ratesOf(p: Float64Array, y: Float64Array, groups: Int32Array, groupCount: number) {
  const out = Array.from({ length: groupCount }, () => ({ n: 0, sel: 0, pos: 0, tp: 0, neg: 0, fp: 0 }));
  groups.forEach((g, i) => {
    if (g < 0 || g >= groupCount) return;
    const o = out[g];
    o.n++;
    o.sel += p[i];
    if (y[i] === 1) {
      o.pos++;
      o.tp += p[i];
    } else {
      o.neg++;
      o.fp += p[i];
    }
  });
  return out.map((o) => ({
    selection: o.sel / o.n,
    tpr: o.tp / o.pos,
    fpr: o.fp / o.neg,
    n: o.n,
    pos: o.pos,
    neg: o.neg,
  }));
}

function accuracyOf(p: Float64Array, y: Float64Array, groups: Int32Array, groupCount: number): number {
  let correct = 0;
  let n = 0;
  groups.forEach((g, i) => {
    if (g < 0 || g >= groupCount) return;
    correct += y[i] === 1 ? p[i] : 1 - p[i];
    n++;
  });
  return correct / n;
}

/** A standard normal draw (Box–Muller). */
function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * Three groups of different sizes, base rates and score quality, plus rows with no group. Given y, a row's
 * feature is N(±μ_g, 1); the score is the group's true posterior P(y = 1 | feature), so one threshold ½ is
 * the Bayes rule and any fairness constraint costs accuracy.
 */
function synthetic(n: number, seed: number) {
  const rng = createRng(seed);
  const share = [0.5, 0.3, 0.2];
  const base = [0.3, 0.55, 0.12];
  const mu = [0.8, 0.5, 1.2];
  const score = new Float64Array(n);
  const y = new Float64Array(n);
  const groups = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng();
    const g = i % 50 === 0 ? -1 : u < share[0] ? 0 : u < share[0] + share[1] ? 1 : 2;
    const b = base[Math.max(g, 0)];
    const m = mu[Math.max(g, 0)];
    y[i] = rng() < b ? 1 : 0;
    const x = (y[i] === 1 ? m : -m) + normal(rng);
    score[i] = 1 / (1 + Math.exp(-(Math.log(b / (1 - b)) + 2 * m * x)));
    groups[i] = g;
  }
  return { score, y, groups };
}

/** The accuracy of the best single threshold "score > t" over the rows with a group (< groupCount). */
function bestSingleThreshold(score: Float64Array, y: Float64Array, groups: Int32Array, groupCount: number) {
  const idx = Array.from(score.keys())
    .filter((i) => groups[i] >= 0 && groups[i] < groupCount)
    .sort((a, b) => score[b] - score[a]);
  const negatives = idx.filter((i) => y[i] !== 1).length;
  let tp = 0;
  let fp = 0;
  let best = negatives; // nobody selected
  idx.forEach((i, k) => {
    if (y[i] === 1) tp++;
    else fp++;
    if (k === idx.length - 1 || score[idx[k + 1]] !== score[i]) best = Math.max(best, tp + negatives - fp);
  });
  return best / idx.length;
}

describe('fitGroupThresholds on seeded synthetic data', () => {
  const G = 3;
  const data = synthetic(16_000, 2016);
  const { score, y, groups } = data;
  const fits = Object.fromEntries(CONSTRAINTS.map((c) => [c, fitGroupThresholds(score, y, groups, G, c)]));
  const allNegative = accuracyOf(new Float64Array(score.length), y, groups, G);
  const single = bestSingleThreshold(score, y, groups, G);

  it('the unconstrained scores are unfair to begin with', () => {
    const plain = Float64Array.from(score, (s) => (s > 0.5 ? 1 : 0));
    const r = ratesOf(plain, y, groups, G);
    const sel = r.map((g) => g.selection);
    const tpr = r.map((g) => g.tpr);
    expect(Math.max(...sel) - Math.min(...sel)).toBeGreaterThan(0.1);
    expect(Math.max(...tpr) - Math.min(...tpr)).toBeGreaterThan(0.1);
  });

  for (const c of CONSTRAINTS) {
    describe(c, () => {
      const t = fits[c];

      it('meets the constraint in expectation, and its figures agree with a recount', () => {
        expectWellFormed(t);
        expect(t.fitted.violation).toBeLessThanOrEqual(0.01);
        const p = positiveProbability(t, score, groups);
        const r = ratesOf(p, y, groups, G);
        r.forEach((g, k) => {
          expect(t.fitted.rates.selection[k]).toBeCloseTo(g.selection, 12);
          expect(t.fitted.rates.tpr[k]).toBeCloseTo(g.tpr, 12);
          expect(t.fitted.rates.fpr[k]).toBeCloseTo(g.fpr, 12);
        });
        const spreadOf = (v: number[]) => Math.max(...v) - Math.min(...v);
        const sel = spreadOf(r.map((g) => g.selection));
        const tpr = spreadOf(r.map((g) => g.tpr));
        const fpr = spreadOf(r.map((g) => g.fpr));
        const expected =
          c === 'demographic-parity' ? sel : c === 'equal-opportunity' ? tpr : Math.max(tpr, fpr);
        expect(t.fitted.violation).toBeCloseTo(expected, 12);
        expect(expected).toBeLessThan(1e-9);
        expect(t.fitted.accuracy).toBeCloseTo(accuracyOf(p, y, groups, G), 12);
      });

      it('randomised decisions match the expected rates within sampling noise', () => {
        const p = positiveProbability(t, score, groups);
        const expected = ratesOf(p, y, groups, G);
        const drawn = ratesOf(decideWithThresholds(t, score, groups, 42), y, groups, G);
        const close = (a: number, b: number, n: number) =>
          expect(Math.abs(a - b)).toBeLessThanOrEqual(4 * Math.sqrt((b * (1 - b)) / n) + 1e-9);
        expected.forEach((e, k) => {
          close(drawn[k].selection, e.selection, e.n);
          close(drawn[k].tpr, e.tpr, e.pos);
          close(drawn[k].fpr, e.fpr, e.neg);
        });
      });

      it('is at least as accurate as all-negative and no more than the best single threshold', () => {
        expect(t.fitted.accuracy).toBeGreaterThanOrEqual(allNegative);
        expect(t.fitted.accuracy).toBeLessThanOrEqual(single);
        // The constraint costs something here, but not everything.
        expect(t.fitted.accuracy).toBeGreaterThan(allNegative + 0.01);
      });
    });
  }

  it('a finer grid can only help (the hull vertices are candidates already)', () => {
    for (const c of CONSTRAINTS) {
      const coarse = fitGroupThresholds(score, y, groups, G, c, { gridSize: 10 });
      expect(coarse.fitted.violation).toBeLessThan(1e-9);
      expect(coarse.fitted.accuracy).toBeLessThanOrEqual(fits[c].fitted.accuracy + 1e-12);
      // Demographic parity and equal opportunity are exact at the hull vertices, whatever the grid.
      if (c !== 'equalized-odds') expect(coarse.fitted.accuracy).toBeCloseTo(fits[c].fitted.accuracy, 12);
    }
  });

  it('is deterministic: the same fit, and the same draws for the same seed', () => {
    for (const c of CONSTRAINTS) {
      const again = fitGroupThresholds(score, y, groups, G, c);
      expect(again).toEqual(fits[c]);
      const a = decideWithThresholds(again, score, groups, 123);
      expect(decideWithThresholds(fits[c], score, groups, 123)).toEqual(a);
      expect(decideWithThresholds(fits[c], score, groups, 124)).not.toEqual(a);
    }
  });
});
