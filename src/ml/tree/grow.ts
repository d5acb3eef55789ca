/**
 * The histogram tree grower shared by CART and gradient boosting. Every learner reduces a node to sums of a few
 * per-row statistics ("channels": class weights for Gini, w·y for squared error, gradient and hessian for
 * boosting); the grower sums them per bin of every feature and scans the bins left to right for the split with
 * the largest gain. Two standard speed-ups: histograms over ≤ 255 bins (LightGBM, Ke et al. 2017) and the
 * subtraction trick (build the smaller child's histogram, get the larger one as parent − smaller).
 */
import type { FeatureBins } from './binning';
import { HistogramBuilder, type SparseColumns } from './histogram';

/**
 * One node of a fitted tree, plain JSON. A split node sends a row left when `x[feature] <= threshold`
 * (missing values, NaN, go right); a leaf has `feature`, `left` and `right` set to −1.
 */
export interface TreeNode {
  /** Column index of the split feature, −1 for a leaf. */
  feature: number;
  /** Split point in the original feature scale (halfway between two training values); 0 for a leaf. */
  threshold: number;
  /** Index of the child for `x <= threshold`, −1 for a leaf. */
  left: number;
  /** Index of the child for `x > threshold`, −1 for a leaf. */
  right: number;
  /**
   * What the node predicts: class probabilities (classification), `[mean]` (regression), or `[score step]`
   * already multiplied by the learning rate (boosting).
   */
  value: number[];
  /** Training rows that reached the node (unweighted count). */
  samples: number;
  /** Their total sample weight (boosting: total hessian, XGBoost's "cover"). */
  weight: number;
  /** Weighted impurity: Gini or variance for CART; the regularised objective −½G²/(H+λ) for boosting. */
  impurity: number;
  /** The split's improvement of the criterion, ≥ 0 (0 for a leaf): the raw material of feature importance. */
  gain: number;
}

/** How a learner scores sets of rows from their channel sums; `sums[channels]` holds the row count. */
export interface Criterion {
  /** Number of per-row statistics summed into the histograms. */
  readonly channels: number;
  /**
   * The quantity a split maximises: gain = score(left) + score(right) − score(parent). −Infinity when the
   * set cannot be a child (no weight).
   */
  score(sums: Float64Array): number;
  /** The node's prediction, weighted impurity and weight, from its sums. */
  describe(sums: Float64Array): Pick<TreeNode, 'value' | 'impurity' | 'weight'>;
}

/** Everything `growTree` needs; `stats` is row-major `rows × criterion.channels`. */
export interface GrowInput {
  /** Feature-major bin codes of all training rows, `codes[f * rows + r]` (see `binMatrix`, layout 'columns'). */
  codes: Uint8Array;
  rows: number;
  bins: FeatureBins;
  stats: Float64Array;
  /** The rows to learn from (ascending order is fastest), e.g. all rows or a subsample. */
  sample: Uint32Array;
  criterion: Criterion;
  /** The sparse features of `codes` (see `findSparseColumns`); without it every feature is scanned densely. */
  sparse?: SparseColumns;
  maxDepth: number;
  minSamplesLeaf: number;
}

/** The nodes in pre-order (root 0) and, per node, the bin of its split (−1 for a leaf) for fast traversal. */
export interface GrownTree {
  nodes: TreeNode[];
  splitBins: Int32Array;
}

/** Grows one tree depth-first, best split per node, stopping at `maxDepth`, `minSamplesLeaf` or zero gain. */
export function growTree(input: GrowInput): GrownTree {
  const grower = new Grower(input);
  grower.grow(0, input.sample.length, 0);
  return { nodes: grower.nodes, splitBins: Int32Array.from(grower.splitBins) };
}

/** The leaf a raw row (starting at `X[offset]`) lands in. */
export function findLeaf(nodes: readonly TreeNode[], X: Float32Array, offset: number): number {
  let n = 0;
  let node = nodes[0];
  while (node.left >= 0) {
    n = X[offset + node.feature] <= node.threshold ? node.left : node.right;
    node = nodes[n];
  }
  return n;
}

/**
 * The leaf that training row `r` lands in, from feature-major codes of `rows` rows; identical to `findLeaf`
 * on the raw row, because code ≤ b exactly when x ≤ thresholds[b].
 */
export function findLeafBinned(tree: GrownTree, codes: Uint8Array, rows: number, r: number): number {
  const { nodes, splitBins } = tree;
  let n = 0;
  while (nodes[n].left >= 0) {
    n = codes[nodes[n].feature * rows + r] <= splitBins[n] ? nodes[n].left : nodes[n].right;
  }
  return n;
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
}

class Grower {
  readonly nodes: TreeNode[] = [];
  readonly splitBins: number[] = [];
  private readonly idx: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly histograms: HistogramBuilder;
  /** Histogram buffers by depth; a node at depth d builds its smaller child's into level d + 1. */
  private readonly levels: Float64Array[] = [];
  private readonly width: number;
  private readonly left: Float64Array;
  private readonly right: Float64Array;

  constructor(private readonly input: GrowInput) {
    this.idx = Uint32Array.from(input.sample);
    this.scratch = new Uint32Array(input.sample.length);
    const { codes, rows, bins, stats, criterion, sparse, sample } = input;
    this.histograms = new HistogramBuilder(
      codes,
      rows,
      bins,
      stats,
      criterion.channels,
      sparse,
      sample.length,
    );
    this.width = input.criterion.channels + 1;
    this.left = new Float64Array(this.width);
    this.right = new Float64Array(this.width);
  }

  /** Adds the node for rows idx[start, end) and its subtree; returns its index. */
  grow(start: number, end: number, depth: number, hist?: Float64Array): number {
    const sums = this.sumRows(start, end);
    const id = this.nodes.length;
    const node: TreeNode = {
      feature: -1,
      threshold: 0,
      left: -1,
      right: -1,
      samples: end - start,
      gain: 0,
      ...this.input.criterion.describe(sums),
    };
    this.nodes.push(node);
    this.splitBins.push(-1);
    if (!this.splittable(end - start, depth)) return id;
    if (!hist) hist = this.buildHistogram(this.level(depth), start, end, sums);
    const split = this.bestSplit(hist, sums);
    if (!split) return id;
    const mid = this.partition(start, end, split.feature, split.bin);
    const leftOk = this.splittable(mid - start, depth + 1);
    const rightOk = this.splittable(end - mid, depth + 1);
    let leftHist: Float64Array | undefined;
    let rightHist: Float64Array | undefined;
    if (leftOk || rightOk) {
      const leftSmaller = mid - start <= end - mid;
      const [from, to] = leftSmaller ? [start, mid] : [mid, end];
      const small = this.buildHistogram(this.level(depth + 1), from, to, this.sumRows(from, to));
      for (let i = 0; i < hist.length; i++) hist[i] -= small[i];
      leftHist = leftSmaller ? small : hist;
      rightHist = leftSmaller ? hist : small;
    }
    node.feature = split.feature;
    node.threshold = this.input.bins.thresholds[split.feature][split.bin];
    node.gain = split.gain;
    this.splitBins[id] = split.bin;
    node.left = this.grow(start, mid, depth + 1, leftOk ? leftHist : undefined);
    node.right = this.grow(mid, end, depth + 1, rightOk ? rightHist : undefined);
    return id;
  }

  private splittable(count: number, depth: number): boolean {
    return depth < this.input.maxDepth && count >= 2 * this.input.minSamplesLeaf;
  }

  private level(depth: number): Float64Array {
    while (this.levels.length <= depth) this.levels.push(new Float64Array(this.histograms.length));
    return this.levels[depth];
  }

  private buildHistogram(hist: Float64Array, start: number, end: number, sums: Float64Array): Float64Array {
    this.histograms.build(hist, this.idx.subarray(start, end), sums);
    return hist;
  }

  /** Channel sums and count of rows idx[start, end). */
  private sumRows(start: number, end: number): Float64Array {
    const { stats } = this.input;
    const { idx } = this;
    const c = this.width - 1;
    const sums = new Float64Array(this.width);
    if (c === 2) {
      let a = 0;
      let b = 0;
      for (let i = start; i < end; i++) {
        a += stats[2 * idx[i]];
        b += stats[2 * idx[i] + 1];
      }
      sums[0] = a;
      sums[1] = b;
    } else {
      for (let i = start; i < end; i++) {
        const base = idx[i] * c;
        for (let j = 0; j < c; j++) sums[j] += stats[base + j];
      }
    }
    sums[c] = end - start;
    return sums;
  }

  /**
   * The split with the largest gain; ties go to the lowest feature, then the lowest bin (a strict `>`
   * while scanning in that order), so the result never depends on anything but the data.
   */
  private bestSplit(hist: Float64Array, sums: Float64Array): Split | undefined {
    const { criterion, bins, minSamplesLeaf } = this.input;
    const { left, right, width } = this;
    const c = width - 1;
    const parent = criterion.score(sums);
    if (!Number.isFinite(parent)) return undefined;
    let best: Split | undefined;
    let bestGain = Math.max(0, 1e-12 * Math.abs(parent));
    for (let f = 0; f < bins.cols; f++) {
      const last = bins.binCount[f] - 1;
      left.fill(0);
      for (let b = 0, o = bins.binOffset[f] * width; b < last; b++, o += width) {
        if (hist[o + c] === 0) continue; // same partition as the previous bin
        for (let j = 0; j <= c; j++) left[j] += hist[o + j];
        if (left[c] < minSamplesLeaf) continue;
        for (let j = 0; j <= c; j++) right[j] = sums[j] - left[j];
        if (right[c] < minSamplesLeaf) break;
        const gain = criterion.score(left) + criterion.score(right) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          best = { feature: f, bin: b, gain };
        }
      }
    }
    return best;
  }

  /** Stable partition of idx[start, end) by code ≤ bin; returns the first index of the right part. */
  private partition(start: number, end: number, feature: number, bin: number): number {
    const { codes, rows } = this.input;
    const { idx, scratch } = this;
    const column = feature * rows;
    let l = start;
    let r = 0;
    for (let i = start; i < end; i++) {
      const row = idx[i];
      if (codes[column + row] <= bin) idx[l++] = row;
      else scratch[r++] = row;
    }
    idx.set(scratch.subarray(0, r), l);
    return l;
  }
}
