/**
 * Words for the tree diagram of the results page. A fitted tree splits on preprocessed features (standardised
 * numbers, 0/1 category indicators); a person reads "age ≤ 37.5" and "workclass is Private", so each split is
 * turned back into the column's own units and labels, and a row's path through the tree can be highlighted.
 */
import type { Preprocessor } from '../features/preprocess';
import { decisionPath, type TreeModel } from '../ml/tree/cart';
import { featuresOf, type RawRow } from './rows';

/** A split in words: the column it tests, and the condition of each branch. */
export interface SplitText {
  column: string;
  /** The condition of the left branch (`x <= threshold`). */
  left: string;
  /** The condition of the right branch. */
  right: string;
}

/** A number with at most 2 decimals, trailing zeros dropped, the same in every locale: 37.5, 1200, -0.33. */
function formatThreshold(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/**
 * The split `feature ≤ threshold` in the words of its column. A numeric feature's threshold is taken back to
 * the column's units (t·std + mean, undoing the standardisation). A one-hot feature is 0 or 1, so a
 * threshold between them separates the rows without that value (left) from the rows with it (right): the
 * category, "another value" (the rare and unseen categories folded together) or "missing". Throws a
 * RangeError for a feature index outside the preprocessor.
 */
export function describeSplit(pre: Preprocessor, feature: number, threshold: number): SplitText {
  const index = pre.spans.findIndex(([start, end]) => feature >= start && feature < end);
  if (index < 0) throw new RangeError(`Feature ${feature} is not one of the ${pre.featureNames.length}.`);
  const enc = pre.encoders[index];
  const { column } = enc;
  if (enc.type === 'numeric') {
    const t = formatThreshold(threshold * enc.std + enc.mean);
    return { column, left: `${column} ≤ ${t}`, right: `${column} > ${t}` };
  }
  // The span holds the categories, then "other" when there is one, then "missing" when there is one.
  const offset = feature - pre.spans[index][0];
  const is =
    offset < enc.categories.length
      ? enc.categories[offset]
      : enc.other && offset === enc.categories.length
        ? 'another value'
        : 'missing';
  return { column, left: `${column} is not ${is}`, right: `${column} is ${is}` };
}

/** The node indices from the root to the leaf that the row reaches, for highlighting in the diagram. */
export function pathOfRow(model: TreeModel, pre: Preprocessor, row: RawRow): number[] {
  return decisionPath(model, featuresOf(pre, [row]));
}
