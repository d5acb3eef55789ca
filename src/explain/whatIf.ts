/**
 * The what-if editor of the results page: score rows a person typed or edited, and, for a binary model,
 * answer "what is the smallest single change that would flip this decision?" — a counterfactual explanation
 * (Wachter, Mittelstadt & Russell 2018, "Counterfactual explanations without opening the black box",
 * Harvard Journal of Law & Technology 31(2)), restricted to one column at a time so that a non-expert can
 * read every answer as "if age were 45 instead of 37, the model would say yes".
 */
import type { NumericEncoder, OneHotEncoder, Preprocessor } from '../features/preprocess';
import { predictModel } from '../pipeline/models';
import type { FittedModel } from '../pipeline/types';
import { featuresOf, labelOf, numberOf, type RawRow, type RawValue } from './rows';

/** The model's prediction for each row (binary: P(positive); multiclass: `rows × k` probabilities; regression: the value). */
export function predictRows(model: FittedModel, pre: Preprocessor, rows: readonly RawRow[]): Float64Array {
  return predictModel(model, featuresOf(pre, rows), rows.length);
}

/** One change of one column that flips the decision. */
export interface Flip {
  column: string;
  /** The row's value as given (null: missing). */
  from: RawValue;
  to: RawValue;
  /** The model's score (P(positive)) with the change. */
  score: number;
  /** Size of the change in standard deviations of the column; a category change counts as 1. */
  cost: number;
}

export interface FlipOptions {
  /** The decision is positive when the score is at least this. */
  threshold: number;
  /** Values tried per numeric column, evenly spaced over mean ± 3·std (default 121). */
  numericGrid?: number;
}

/** A change to score: the column, its new value and the cost of the change. */
interface Candidate {
  column: string;
  to: RawValue;
  cost: number;
}

/**
 * Values to try for a numeric column: `steps` points evenly spaced over mean ± 3·std (for a normal column,
 * 99.7% of the values lie there), the current value left out. When the current value is an integer the
 * column is taken to hold counts or years, so the points are rounded to integers and deduplicated: "age 37.4"
 * is not an answer a person can use.
 */
function numericCandidates(enc: NumericEncoder, current: number, steps: number): Candidate[] {
  const low = enc.mean - 3 * enc.std;
  const step = (6 * enc.std) / (steps - 1);
  const integer = Number.isInteger(current);
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (let i = 0; i < steps; i++) {
    const raw = low + i * step;
    const to = integer ? Math.round(raw) : raw;
    // Values never seen in training (a negative capital loss) are no answer a person can use.
    const outside = (enc.min !== undefined && to < enc.min) || (enc.max !== undefined && to > enc.max);
    if (to === current || seen.has(to) || outside) continue;
    seen.add(to);
    out.push({ column: enc.column, to, cost: Math.abs(to - current) / enc.std });
  }
  return out;
}

/**
 * Every kept category other than the current one. A category change counts as one standard deviation
 * (cost 1): categories have no distance between them, and a number moved by one standard deviation has
 * changed by a "typical" amount, so the two kinds of change can be ranked in one list.
 */
function categoryCandidates(enc: OneHotEncoder, current: RawValue): Candidate[] {
  const label = labelOf(current);
  return enc.categories.filter((c) => c !== label).map((to) => ({ column: enc.column, to, cost: 1 }));
}

/**
 * For a binary model, the smallest change of each single column that flips the row's decision
 * (score ≥ threshold), at most one per column, cheapest first (ties: the one that lands further past the
 * threshold first, then column order). A numeric column takes the tried value nearest to its current one
 * (a missing value counts as the training median, which is what the model saw), cost |to − from| / std; a
 * categorical column the category that moves the score furthest past the threshold, cost 1. All changes
 * are scored in one batched prediction. Empty when no single-column change flips the decision. Throws a
 * RangeError for a model that is not binary or a grid of fewer than 2 steps.
 */
export function smallestFlips(
  model: FittedModel,
  pre: Preprocessor,
  row: RawRow,
  options: FlipOptions,
): Flip[] {
  if (model.task !== 'binary' || model.classes !== 2)
    throw new RangeError(`smallestFlips needs a binary model, not ${model.task}`);
  const steps = options.numericGrid ?? 121;
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError('numericGrid must be an integer ≥ 2');
  const { threshold } = options;
  const positive = predictRows(model, pre, [row])[0] >= threshold;

  const candidates: Candidate[] = [];
  for (const enc of pre.encoders) {
    const current = row[enc.column] ?? null;
    if (enc.type === 'one-hot') candidates.push(...categoryCandidates(enc, current));
    else {
      // Read the value as the model does; a missing value is the training median the model sees in its place.
      const value = numberOf(current);
      candidates.push(...numericCandidates(enc, Number.isNaN(value) ? enc.median : value, steps));
    }
  }
  const scores = predictRows(
    model,
    pre,
    candidates.map((c) => ({ ...row, [c.column]: c.to })),
  );

  const best = new Map<string, Flip & { margin: number }>();
  candidates.forEach((c, i) => {
    const score = scores[i];
    if (score >= threshold === positive) return; // not flipped
    const margin = positive ? threshold - score : score - threshold;
    const held = best.get(c.column);
    if (held && (held.cost < c.cost || (held.cost === c.cost && held.margin >= margin))) return;
    best.set(c.column, {
      column: c.column,
      from: row[c.column] ?? null,
      to: c.to,
      score,
      cost: c.cost,
      margin,
    });
  });
  // The map holds the columns in encoder order and the sort is stable: the last tie-break is column order.
  return [...best.values()]
    .sort((a, b) => a.cost - b.cost || b.margin - a.margin)
    .map(({ column, from, to, score, cost }) => ({ column, from, to, score, cost }));
}
