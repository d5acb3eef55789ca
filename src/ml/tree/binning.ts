/**
 * Quantile binning of a dense feature matrix, the speed trick of histogram-based tree learners (LightGBM, Ke et
 * al. 2017; scikit-learn's HistGradientBoosting): each feature is cut once into at most 255 bins, every value
 * becomes a one-byte bin code, and a split search then scans ≤ 255 histogram bins instead of sorting rows at
 * every node. Thresholds stay in the original feature scale, so a fitted tree can be read and applied to raw
 * values without the binning.
 */

/** The most bins a feature can have, so that a bin code fits in one byte (LightGBM's default `max_bin`). */
export const MAX_BINS = 255;

/**
 * How each feature was cut. Feature `f` has `thresholds[f].length + 1` bins; a value `v` falls into the
 * first bin `b` with `v <= thresholds[f][b]`, or into the last bin when it is above every threshold (NaN too,
 * so it behaves like the `x <= t` test of a fitted tree, which sends NaN right).
 */
export interface FeatureBins {
  /** Number of features. */
  cols: number;
  /** Per feature, strictly increasing cut points in the original scale. */
  thresholds: Float64Array[];
  /** Per feature, the number of bins (thresholds + 1); 1 for a constant feature, which can never split. */
  binCount: Uint16Array;
  /**
   * Where each feature's bins start in a histogram that packs all features' bins back to back: feature f
   * owns bins `binOffset[f] … binOffset[f + 1] − 1`; `binOffset[cols]` is the total.
   */
  binOffset: Uint32Array;
}

/** Bin codes of a matrix with the cuts that produced them, laid out as asked (row-major by default). */
export interface BinnedMatrix {
  bins: FeatureBins;
  codes: Uint8Array;
}

/**
 * Cut points of one sorted, NaN-free column. With at most `maxBins` distinct values each value gets its own
 * bin and the cut sits halfway between neighbours (as scikit-learn does); otherwise the cuts are the
 * `q / maxBins` quantiles (q = 1 … maxBins − 1), also taken halfway between the two order statistics around
 * them, with repeated cuts merged.
 */
export function columnThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  let distinct = 1;
  for (let i = 1; i < n && distinct <= maxBins; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const cuts: number[] = [];
  if (distinct <= maxBins) {
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) cuts.push((sorted[i - 1] + sorted[i]) / 2);
    return Float64Array.from(cuts);
  }
  const max = sorted[n - 1];
  for (let q = 1; q < maxBins; q++) {
    const k = Math.max(1, Math.floor((q * n) / maxBins));
    const lo = sorted[k - 1];
    const hi = sorted[k];
    const cut = lo < hi ? (lo + hi) / 2 : lo;
    if (cut >= max) break;
    if (cuts.length === 0 || cut > cuts[cuts.length - 1]) cuts.push(cut);
  }
  return Float64Array.from(cuts);
}

/**
 * Fits the cut points of every feature on a row-major `rows × cols` matrix. Missing values (NaN) are left out
 * of the quantiles. Sample weights are deliberately ignored here: bins only propose candidate thresholds, the
 * split search itself is weighted.
 */
export function fitBins(X: Float32Array, rows: number, cols: number, maxBins = MAX_BINS): FeatureBins {
  if (X.length !== rows * cols) throw new RangeError(`X has ${X.length} values, expected ${rows}×${cols}`);
  if (maxBins < 2 || maxBins > MAX_BINS) throw new RangeError(`maxBins must be in 2…${MAX_BINS}`);
  const thresholds: Float64Array[] = [];
  const binCount = new Uint16Array(cols);
  const column = new Float64Array(rows);
  const binOffset = new Uint32Array(cols + 1);
  for (let f = 0; f < cols; f++) {
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const v = X[r * cols + f];
      if (v === v) column[n++] = v;
    }
    const values = column.subarray(0, n);
    const sorted = distinctValues(values, maxBins) ?? values.sort();
    const cuts = columnThresholds(sorted, maxBins);
    thresholds.push(cuts);
    binCount[f] = cuts.length + 1;
    binOffset[f + 1] = binOffset[f] + cuts.length + 1;
  }
  return { cols, thresholds, binCount, binOffset };
}

/** The distinct values, sorted, when there are at most `max` of them (one-hot columns): no full sort needed. */
function distinctValues(values: Float64Array, max: number): Float64Array | undefined {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i]);
    if (seen.size > max) return undefined;
  }
  return Float64Array.from(seen).sort();
}

/** The bin of `v` among increasing cut points: the first `b` with `v <= cuts[b]`, else `cuts.length`. */
export function binOf(cuts: Float64Array, v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * How codes are laid out: `'rows'` is row-major like X (`codes[r * cols + f]`); `'columns'` is feature-major
 * (`codes[f * rows + r]`), which the tree growers use because building a histogram reads one feature of many
 * rows at a time (LightGBM's column-wise histogram construction).
 */
export type CodeLayout = 'rows' | 'columns';

/** Bin codes (`Uint8Array`) of a matrix with the given cuts, by binary search per value. */
export function applyBins(
  bins: FeatureBins,
  X: Float32Array,
  rows: number,
  layout: CodeLayout = 'rows',
): Uint8Array {
  const cols = bins.cols;
  if (X.length !== rows * cols) throw new RangeError(`X has ${X.length} values, expected ${rows}×${cols}`);
  const codes = new Uint8Array(rows * cols);
  const byColumn = layout === 'columns';
  for (let f = 0; f < cols; f++) {
    const cuts = bins.thresholds[f];
    if (cuts.length === 0) continue;
    for (let r = 0; r < rows; r++)
      codes[byColumn ? f * rows + r : r * cols + f] = binOf(cuts, X[r * cols + f]);
  }
  return codes;
}

/** Fits the cuts on `X` and bins it in one call: what both tree learners do with their training matrix. */
export function binMatrix(
  X: Float32Array,
  rows: number,
  cols: number,
  options: { maxBins?: number; layout?: CodeLayout } = {},
): BinnedMatrix {
  const bins = fitBins(X, rows, cols, options.maxBins ?? MAX_BINS);
  return { bins, codes: applyBins(bins, X, rows, options.layout) };
}
