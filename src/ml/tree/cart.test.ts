import { describe, it, expect } from 'vitest';
import { createRng } from '../../core/random';
import { decisionPath, fitTree, predictTree, type TreeModel, type TreeNode } from './cart';

/** Row-major Float32Array from an array of rows. */
const matrix = (rows: number[][]) => Float32Array.from(rows.flat());
const targets = (values: number[]) => Float64Array.from(values);

/** Depth of the deepest leaf. */
function depth(nodes: TreeNode[], n = 0): number {
  const node = nodes[n];
  return node.left < 0 ? 0 : 1 + Math.max(depth(nodes, node.left), depth(nodes, node.right));
}

/** Three separable 2-D blobs of `per` rows each, labelled 0, 1, 2. */
function blobs(per: number, seed: number) {
  const rng = createRng(seed);
  const centres = [
    [0, 0],
    [5, 0],
    [0, 5],
  ];
  const rows: number[][] = [];
  const labels: number[] = [];
  centres.forEach(([cx, cy], label) => {
    for (let i = 0; i < per; i++) {
      rows.push([cx + rng() * 2 - 1, cy + rng() * 2 - 1]);
      labels.push(label);
    }
  });
  return { X: matrix(rows), y: targets(labels), rows: rows.length };
}

/** Random binary problem: label = x0 + noise > 0.5, plus two noise features. */
function noisy(rows: number, seed: number) {
  const rng = createRng(seed);
  const X = Float32Array.from({ length: rows * 3 }, () => rng());
  const y = Float64Array.from({ length: rows }, (_, r) => (X[r * 3] + 0.3 * (rng() - 0.5) > 0.5 ? 1 : 0));
  return { X, y };
}

describe('fitTree', () => {
  it('finds a perfect threshold at x = 2.5 with pure leaves at depth 1', () => {
    const model = fitTree(matrix([[1], [2], [3], [4]]), 4, 1, targets([0, 0, 1, 1]), {
      task: 'binary',
      maxDepth: 1,
      minSamplesLeaf: 1,
    });
    expect(model.nodes).toHaveLength(3);
    const [root, left, right] = model.nodes;
    expect(root).toMatchObject({ feature: 0, threshold: 2.5, left: 1, right: 2, samples: 4, weight: 4 });
    expect(root.impurity).toBeCloseTo(0.5, 12); // 1 − (½² + ½²)
    expect(root.gain).toBeCloseTo(2, 12); // 4 · 0.5 − 2 · 0 − 2 · 0
    expect(left).toMatchObject({ feature: -1, value: [1, 0], impurity: 0, samples: 2 });
    expect(right).toMatchObject({ feature: -1, value: [0, 1], impurity: 0, samples: 2 });
  });

  it('splits on the informative feature and ignores a noise feature', () => {
    // Column 0 is noise, column 1 separates the classes at 0.
    const rng = createRng(3);
    const rows = Array.from({ length: 100 }, (_, i) => [rng(), i < 50 ? -1 - rng() : 1 + rng()]);
    const y = targets(rows.map((_, i) => (i < 50 ? 0 : 1)));
    const model = fitTree(matrix(rows), 100, 2, y, { task: 'binary', maxDepth: 3 });
    expect(model.nodes[0].feature).toBe(1);
    expect(model.nodes).toHaveLength(3);
  });

  it('does not split a pure node', () => {
    const model = fitTree(matrix([[1], [2], [3], [4]]), 4, 1, targets([1, 1, 1, 1]), {
      task: 'binary',
      minSamplesLeaf: 1,
    });
    expect(model.nodes).toHaveLength(1);
    expect(model.nodes[0].value).toEqual([0, 1]);
  });

  it('respects maxDepth and minSamplesLeaf', () => {
    const { X, y } = noisy(500, 8);
    const model = fitTree(X, 500, 3, y, { task: 'binary', maxDepth: 4, minSamplesLeaf: 30 });
    expect(depth(model.nodes)).toBeLessThanOrEqual(4);
    for (const node of model.nodes) expect(node.samples).toBeGreaterThanOrEqual(30);
  });

  it('treats a row of weight 3 exactly like three copies of it, and the weight changes the tree', () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const ys = [0, 0, 1, 0, 1, 1];
    const options = { task: 'binary', maxDepth: 1, minSamplesLeaf: 1 } as const;
    const weights = Float64Array.from([1, 1, 1, 3, 1, 1]);
    const weighted = fitTree(matrix(xs.map((x) => [x])), 6, 1, targets(ys), { ...options, weights });
    const copiedXs = [...xs, 4, 4];
    const copied = fitTree(matrix(copiedXs.map((x) => [x])), 8, 1, targets([...ys, 0, 0]), options);
    const plain = fitTree(matrix(xs.map((x) => [x])), 6, 1, targets(ys), options);
    const withoutCounts = (m: TreeModel) => m.nodes.map(({ samples: _samples, ...rest }) => rest);
    expect(withoutCounts(weighted)).toEqual(withoutCounts(copied));
    // Unweighted, 2.5 and 4.5 tie (the first wins); three times the 0 at x = 4 favours 4.5.
    expect(plain.nodes[0].threshold).toBe(2.5);
    expect(weighted.nodes[0].threshold).toBe(4.5);
  });

  it('gives identical JSON for the same data and seed', () => {
    const { X, y } = noisy(400, 2);
    const a = fitTree(X, 400, 3, y, { task: 'binary', seed: 7 });
    const b = fitTree(X, 400, 3, y, { task: 'binary', seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('recovers a step function in regression', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 300 }, () => rng());
    const step = (x: number) => (x < 0.3 ? 2 : x < 0.7 ? 5 : -1);
    const model = fitTree(Float32Array.from(xs), 300, 1, targets(xs.map(step)), {
      task: 'regression',
      maxDepth: 2,
      minSamplesLeaf: 5,
    });
    const predicted = predictTree(model, Float32Array.from(xs), 300);
    xs.forEach((x, i) => expect(predicted[i]).toBeCloseTo(step(x), 10));
    const thresholds = model.nodes.filter((n) => n.feature >= 0).map((n) => n.threshold);
    expect(thresholds.some((t) => Math.abs(t - 0.3) < 0.02)).toBe(true);
    expect(thresholds.some((t) => Math.abs(t - 0.7) < 0.02)).toBe(true);
    expect(model.nodes.filter((n) => n.left < 0).every((n) => n.impurity < 1e-9)).toBe(true);
  });

  it('reaches 100% training accuracy on three separable blobs', () => {
    const { X, y, rows } = blobs(60, 4);
    const model = fitTree(X, rows, 2, y, { task: 'multiclass', classes: 3, minSamplesLeaf: 5 });
    const p = predictTree(model, X, rows);
    expect(p).toHaveLength(rows * 3);
    for (let r = 0; r < rows; r++) {
      const row = Array.from(p.subarray(r * 3, r * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row.indexOf(Math.max(...row))).toBe(y[r]);
    }
  });
});

describe('predictTree and decisionPath', () => {
  it('survives a JSON round trip with identical predictions', () => {
    const { X, y } = noisy(300, 6);
    const model = fitTree(X, 300, 3, y, { task: 'binary', maxDepth: 4, minSamplesLeaf: 10 });
    const copy = JSON.parse(JSON.stringify(model)) as TreeModel;
    expect(copy).toEqual(model);
    expect(predictTree(copy, X, 300)).toEqual(predictTree(model, X, 300));
  });

  it('returns P(class 1) per row for binary tasks', () => {
    const model = fitTree(matrix([[1], [2], [3], [4]]), 4, 1, targets([0, 0, 1, 1]), {
      task: 'binary',
      minSamplesLeaf: 1,
    });
    expect(Array.from(predictTree(model, matrix([[0], [2.5], [2.6], [9], [NaN]]), 5))).toEqual([
      0, 0, 1, 1, 1,
    ]);
  });

  it('walks from the root to the leaf that predictTree uses', () => {
    const { X, y } = noisy(300, 9);
    const model = fitTree(X, 300, 3, y, { task: 'binary', maxDepth: 3, minSamplesLeaf: 10 });
    const predicted = predictTree(model, X, 300);
    for (let r = 0; r < 300; r += 17) {
      const path = decisionPath(model, X.subarray(r * 3, r * 3 + 3));
      expect(path[0]).toBe(0);
      const leaf = model.nodes[path[path.length - 1]];
      expect(leaf.left).toBe(-1);
      expect(leaf.value[1]).toBe(predicted[r]);
      for (let i = 1; i < path.length; i++) {
        const parent = model.nodes[path[i - 1]];
        expect([parent.left, parent.right]).toContain(path[i]);
      }
    }
  });
});
