/**
 * A CART decision tree (Breiman, Friedman, Olshen & Stone 1984, "Classification and Regression Trees"):
 * binary splits `x <= t` chosen greedily to reduce weighted Gini impurity (classification) or weighted squared
 * error (regression). Small trees are the most readable model the workbench offers, so the fitted tree is
 * plain JSON with thresholds in the original feature scale, ready to be drawn as a diagram.
 */
import { binMatrix } from './binning';
import { findLeaf, growTree, type Criterion, type TreeNode } from './grow';
import { findSparseColumns } from './histogram';
import { allRows, checkMatrix, checkTarget, resolveWeights, type TreeTask } from './inputs';

export type { TreeNode } from './grow';
export type { TreeTask } from './inputs';

/** Settings of `fitTree`. */
export interface TreeOptions {
  task: TreeTask;
  /** Number of classes for multiclass (default: largest label + 1). */
  classes?: number;
  /** Longest path from root to leaf, in splits (default 5; 0 gives a single leaf). */
  maxDepth?: number;
  /** Fewest training rows (unweighted) a leaf may hold (default 20). */
  minSamplesLeaf?: number;
  /** Per-row sample weights (default 1): a row of weight 2 counts exactly like two copies of it. */
  weights?: Float64Array;
  /**
   * Accepted so every learner takes the same options; unused, because the split search is exhaustive over
   * the bins and ties are broken by order (lowest feature, then lowest threshold), not at random.
   */
  seed?: number;
}

/** A fitted tree, plain JSON: `nodes[0]` is the root, children are found by index. */
export interface TreeModel {
  kind: 'tree';
  task: TreeTask;
  /** 2 for binary, k for multiclass, 1 for regression: the length of every node's `value`. */
  classes: number;
  /** Number of input columns the tree expects. */
  features: number;
  nodes: TreeNode[];
}

/**
 * Gini criterion over k classes, channels = weighted class counts s_k, W = Σ s_k. Node impurity is the Gini
 * index 1 − Σ p_k² with p_k = s_k / W (Breiman et al. 1984, §4.3). Since W·Gini = W − Σ s_k²/W, maximising
 * Σ s_k²/W summed over the children minimises their total weighted impurity, and the gain is the decrease
 * W·Gini(parent) − W_L·Gini(left) − W_R·Gini(right).
 */
export function giniCriterion(classes: number): Criterion {
  const total = (s: Float64Array) => {
    let w = 0;
    for (let k = 0; k < classes; k++) w += s[k];
    return w;
  };
  return {
    channels: classes,
    score(s) {
      const w = total(s);
      if (!(w > 0)) return -Infinity;
      let q = 0;
      for (let k = 0; k < classes; k++) q += s[k] * s[k];
      return q / w;
    },
    describe(s) {
      const w = total(s);
      const value = Array.from({ length: classes }, (_, k) => (w > 0 ? s[k] / w : 1 / classes));
      return { value, impurity: 1 - value.reduce((acc, p) => acc + p * p, 0), weight: w };
    },
  };
}

/**
 * Squared-error criterion, channels = (Σw, Σw·y, Σw·y²). Node value is the weighted mean ȳ = Σwy / Σw, impurity
 * the weighted variance Σwy²/Σw − ȳ² (Breiman et al. 1984, ch. 8). Since Σw(y − ȳ)² = Σwy² − (Σwy)²/Σw,
 * maximising (Σwy)²/Σw over the children minimises their total squared error.
 */
export const varianceCriterion: Criterion = {
  channels: 3,
  score: (s) => (s[0] > 0 ? (s[1] * s[1]) / s[0] : -Infinity),
  describe(s) {
    const mean = s[0] > 0 ? s[1] / s[0] : 0;
    const variance = s[0] > 0 ? Math.max(0, s[2] / s[0] - mean * mean) : 0;
    return { value: [mean], impurity: variance, weight: s[0] };
  },
};

/** Defaults that need no tuning (a readable tree); reports state them, so they live in one place. */
export const TREE_DEFAULTS = { maxDepth: 5, minSamplesLeaf: 20 } as const;

/**
 * Fits a CART tree to the row-major `rows × cols` matrix `X` (numbers standardised, categories one-hot) and
 * target `y` (binary 0/1, class index 0 … k − 1, or a value). Features are quantile-binned first (≤ 255
 * bins, see binning.ts), so candidate thresholds are the bin edges.
 */
export function fitTree(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: TreeOptions,
): TreeModel {
  checkMatrix(X, rows, cols);
  const { task } = options;
  const classes = checkTarget(task, y, rows, options.classes);
  const w = resolveWeights(options.weights, rows);
  const { bins, codes } = binMatrix(X, rows, cols, { layout: 'columns' });
  const criterion = task === 'regression' ? varianceCriterion : giniCriterion(classes);
  const c = criterion.channels;
  const stats = new Float64Array(rows * c);
  for (let r = 0; r < rows; r++) {
    if (task === 'regression') {
      stats[r * 3] = w[r];
      stats[r * 3 + 1] = w[r] * y[r];
      stats[r * 3 + 2] = w[r] * y[r] * y[r];
    } else stats[r * c + y[r]] = w[r];
  }
  const { nodes } = growTree({
    codes,
    rows,
    bins,
    stats,
    sample: allRows(rows),
    criterion,
    sparse: findSparseColumns(codes, rows, bins),
    maxDepth: options.maxDepth ?? TREE_DEFAULTS.maxDepth,
    minSamplesLeaf: Math.max(1, options.minSamplesLeaf ?? TREE_DEFAULTS.minSamplesLeaf),
  });
  return { kind: 'tree', task, classes, features: cols, nodes };
}

/**
 * Predicts `rows` rows of a row-major matrix: binary → P(class 1) per row; multiclass → `rows × k`
 * probabilities, row-major; regression → the leaf mean per row. A leaf's probabilities are the weighted class
 * shares of the training rows that reached it.
 */
export function predictTree(model: TreeModel, X: Float32Array, rows: number): Float64Array {
  checkMatrix(X, rows, model.features);
  const { nodes, task, classes, features } = model;
  const width = task === 'multiclass' ? classes : 1;
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const value = nodes[findLeaf(nodes, X, r * features)].value;
    if (task === 'binary') out[r] = value[1];
    else if (task === 'regression') out[r] = value[0];
    else for (let k = 0; k < classes; k++) out[r * classes + k] = value[k];
  }
  return out;
}

/** Node indices from the root to the leaf that `row` (one row of `features` values) reaches: "why this prediction". */
export function decisionPath(model: TreeModel, row: Float32Array): number[] {
  if (row.length !== model.features)
    throw new RangeError(`row has ${row.length} values, expected ${model.features}`);
  const path = [0];
  let node = model.nodes[0];
  while (node.left >= 0) {
    const next = row[node.feature] <= node.threshold ? node.left : node.right;
    path.push(next);
    node = model.nodes[next];
  }
  return path;
}
