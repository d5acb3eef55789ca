/**
 * The proxy finder: how well each input column, on its own, predicts a sensitive attribute. Leaving "sex" out of
 * a model does not keep sex out of its decisions when another column reveals it ("relationship = Husband").
 *
 * For each column, a one-column rule is fitted on the training rows: every value (a category, or for a number
 * its decile, cut at the training rows' quantiles; "missing" is a value of its own) predicts the group most
 * over-represented among the training rows with that value, relative to the group's size: arg max_g
 * n(value, g) / n(g), the rule that maximises balanced accuracy (plain "most frequent" would predict the larger
 * group almost everywhere and hide a proxy behind a 2:1 imbalance). Ties go to the group listed first; a value
 * never seen in training predicts the largest group. It is scored on the held-out rows by balanced accuracy,
 * the mean over groups of the share of the group's rows predicted as that group (scikit-learn's
 * `balanced_accuracy_score`): 1/G for a column that says nothing about the G groups present in the held-out
 * rows, 1 for a perfect proxy.
 * Fitting on some rows and scoring on others keeps a column with many values (an identifier, a ZIP code)
 * from looking like a proxy just by memorising rows.
 */
import type { Column, Table } from '../data/types';

export interface ProxyScore {
  /** The input column. */
  feature: string;
  /** The sensitive attribute it predicts. */
  attribute: string;
  /** Balanced accuracy of the column's rule on the held-out rows (1/G: no information; 1: a perfect proxy). */
  score: number;
  /** 1/G for the G groups present in the held-out rows: what a column with no information scores. */
  chance: number;
}

/** A sensitive attribute's group of every row (-1: missing), as `groupsOf` gives it. */
export interface AttributeGroups {
  column: string;
  codes: Int32Array;
  labels: readonly string[];
}

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Cut points at the deciles of the training rows' (non-missing) values, duplicates removed. */
function decileEdges(values: Float64Array, train: Uint32Array): number[] {
  const known = Float64Array.from(Array.from(train, (r) => values[r]).filter((v) => !Number.isNaN(v))).sort();
  if (known.length === 0) return [];
  const edges = DECILES.map((q) => known[Math.min(known.length - 1, Math.floor(q * known.length))]);
  return [...new Set(edges)];
}

/** Every row's value code: a category's code, or a number's decile (0 … edges.length); missing is -1. */
function valueCodes(column: Column, train: Uint32Array): Int32Array {
  if (column.storage === 'category') return column.codes;
  const edges = decileEdges(column.values, train);
  return Int32Array.from(column.values, (v) => {
    if (Number.isNaN(v)) return -1;
    let bin = 0;
    while (bin < edges.length && v >= edges[bin]) bin++;
    return bin;
  });
}

/** The index of the largest count (the first on ties). */
function argMax(counts: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
  return best;
}

/** Balanced accuracy of the one-column rule for `groups`, fitted on `train` and scored on `test`. */
function proxyScore(
  values: Int32Array,
  groups: AttributeGroups,
  train: Uint32Array,
  test: Uint32Array,
): { score: number; present: number } {
  const G = groups.labels.length;
  const counts = new Map<number, Float64Array>();
  const overall = new Float64Array(G);
  for (const r of train) {
    const g = groups.codes[r];
    if (g < 0) continue;
    let c = counts.get(values[r]);
    if (!c) counts.set(values[r], (c = new Float64Array(G)));
    c[g]++;
    overall[g]++;
  }
  const fallback = argMax(overall);
  const rule = new Map<number, number>();
  for (const [value, c] of counts)
    rule.set(value, argMax(Array.from(c, (n, g) => (overall[g] > 0 ? n / overall[g] : -1))));
  const right = new Float64Array(G);
  const total = new Float64Array(G);
  for (const r of test) {
    const g = groups.codes[r];
    if (g < 0) continue;
    total[g]++;
    if ((rule.get(values[r]) ?? fallback) === g) right[g]++;
  }
  // Groups absent from the held-out rows have no recall; they are left out of the mean, as scikit-learn does.
  let sum = 0;
  let present = 0;
  for (let g = 0; g < G; g++) {
    if (total[g] === 0) continue;
    sum += right[g] / total[g];
    present++;
  }
  return { score: present === 0 ? Number.NaN : sum / present, present };
}

/**
 * How well each of `inputs` (column names of `table`) predicts `attribute` alone, sorted by score (highest
 * first; ties keep the order given). Columns the table lacks are skipped; the attribute's own column is too.
 */
export function findProxies(
  table: Table,
  inputs: readonly string[],
  attribute: AttributeGroups,
  split: { train: Uint32Array; test: Uint32Array },
): ProxyScore[] {
  const out: { item: ProxyScore; i: number }[] = [];
  inputs.forEach((name, i) => {
    if (name === attribute.column) return;
    const column = table.columns.find((c) => c.name === name);
    if (!column) return;
    const { score, present } = proxyScore(
      valueCodes(column, split.train),
      attribute,
      split.train,
      split.test,
    );
    const chance = present === 0 ? Number.NaN : 1 / present;
    out.push({ item: { feature: name, attribute: attribute.column, score, chance }, i });
  });
  // A column scored NaN (no held-out row with a known group) sorts last.
  const key = (p: ProxyScore) => (Number.isNaN(p.score) ? -Infinity : p.score);
  return out.sort((a, b) => key(b.item) - key(a.item) || a.i - b.i).map(({ item }) => item);
}
