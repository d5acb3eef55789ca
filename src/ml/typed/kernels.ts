/**
 * The arithmetic of the typed-array training loop (network.ts): forward pass with ReLU and inverted dropout,
 * the per-row losses and their gradient, the backward pass with the L2 term, one Adam step, and the
 * validation metric. Each mirrors its TF.js counterpart in ../tf/ (data.ts `rowLoss`, `weightedMetric`;
 * TF.js's Adam), so both loops minimise the same objective.
 */
import type { FairnessTarget, NetOptions } from '../tf/options';

export interface Layer {
  fanIn: number;
  fanOut: number;
  W: Float64Array;
  b: Float64Array;
}

/** Adam's moment estimates for every parameter, in layer order (W then b). */
export interface AdamState {
  m: Float64Array[];
  v: Float64Array[];
  t: number;
}

/** Rows in training order with targets in the loss's form and sample weights rescaled to mean 1. */
export interface Rows {
  X: Float32Array;
  rows: number;
  cols: number;
  /** binary 0/1, multiclass class index, regression (y − shift) / scale. */
  t: Float64Array;
  /** n · s_i / Σ s. */
  w: Float64Array;
  totalWeight: number;
  /** With a fairness penalty: each row's group code 0 … k − 1 (−1: none), in training order. */
  groups?: Int32Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
/** TF.js's Adam uses the backend's epsilon, 1e-7 for float32: the same here. */
const EPSILON = 1e-7;

/**
 * Forward pass over rows [start, start + n): the activations of every layer (index 0: the output scores Z).
 * With `dropout`, hidden units are zeroed with probability `rate` and the kept ones scaled by 1/(1 − rate);
 * the masks are kept for the backward pass.
 */
export function forward(
  layers: Layer[],
  data: Rows,
  start: number,
  n: number,
  dropout?: { rate: number; rng: () => number },
): { acts: Float64Array[]; masks: (Uint8Array | null)[] } {
  const acts: Float64Array[] = [];
  const masks: (Uint8Array | null)[] = [];
  const { X, cols } = data;
  let input: Float64Array | null = null;
  layers.forEach((layer, l) => {
    const { fanIn, fanOut, W, b } = layer;
    const Z = new Float64Array(n * fanOut);
    for (let r = 0; r < n; r++) {
      const z = r * fanOut;
      for (let j = 0; j < fanOut; j++) Z[z + j] = b[j];
      for (let i = 0; i < fanIn; i++) {
        const x = input ? input[r * fanIn + i] : X[(start + r) * cols + i];
        if (x === 0) continue; // one-hot columns and ReLU zeros: most of them
        const wi = i * fanOut;
        for (let j = 0; j < fanOut; j++) Z[z + j] += x * W[wi + j];
      }
    }
    const hidden = l < layers.length - 1;
    let mask: Uint8Array | null = null;
    if (hidden) {
      for (let k = 0; k < Z.length; k++) if (Z[k] < 0) Z[k] = 0;
      if (dropout && dropout.rate > 0) {
        mask = new Uint8Array(Z.length);
        const keep = 1 / (1 - dropout.rate);
        for (let k = 0; k < Z.length; k++) {
          if (dropout.rng() >= dropout.rate) {
            mask[k] = 1;
            Z[k] *= keep;
          } else Z[k] = 0;
        }
      }
    }
    acts.push(Z);
    masks.push(mask);
    input = Z;
  });
  return { acts, masks };
}

/**
 * Per-row loss at scores Z for rows [start, start + n), as in ../tf/data.ts `rowLoss`: binary log loss in its
 * stable form max(z, 0) − z·t + log(1 + e^−|z|), multiclass −log softmax(z)_t, regression ½(z − t)². Writes
 * into `grad` (when given) the gradient of (1/n) Σ w_i ℓ_i with respect to Z; returns Σ w_i ℓ_i.
 */
export function lossAndGradient(
  task: NetOptions['task'],
  Z: Float64Array,
  width: number,
  data: Rows,
  start: number,
  n: number,
  grad: Float64Array | null,
): number {
  let total = 0;
  for (let r = 0; r < n; r++) {
    const t = data.t[start + r];
    const w = data.w[start + r];
    if (task === 'binary') {
      const z = Z[r];
      total += w * (Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))));
      if (grad) grad[r] = (w * (1 / (1 + Math.exp(-z)) - t)) / n;
    } else if (task === 'regression') {
      const d = Z[r] - t;
      total += w * 0.5 * d * d;
      if (grad) grad[r] = (w * d) / n;
    } else {
      const o = r * width;
      let max = -Infinity;
      for (let c = 0; c < width; c++) max = Math.max(max, Z[o + c]);
      let sum = 0;
      for (let c = 0; c < width; c++) sum += Math.exp(Z[o + c] - max);
      const logSum = max + Math.log(sum);
      total += w * (logSum - Z[o + t]);
      if (grad)
        for (let c = 0; c < width; c++)
          grad[o + c] = (w * (Math.exp(Z[o + c] - logSum) - (c === t ? 1 : 0))) / n;
    }
  }
  return total;
}

/** The fairness penalty as the kernels take it (see `FairnessPenalty`; the codes are in `Rows.groups`). */
export interface FairnessTerm {
  lambda: number;
  target: FairnessTarget;
  groupCount: number;
}

/**
 * The fairness penalty of `FairnessPenalty` on binary rows [start, start + n) at scores Z, as ../tf/data.ts
 * `fairnessLoss`; adds its gradient with respect to Z into `grad` (when given) and returns its value.
 * For each subset R of the batch (all rows for demographic parity; y = 1 for equal opportunity; y = 1 and
 * y = 0 for equalized odds), with p_i = σ(z_i), m_g = Σ_{i∈R, g_i=g} p_i / n_g over the K groups present:
 *   G = Σ_{g<h}(m_g − m_h)² / P = 2 Σ_g (m_g − m̄)² / (K − 1),   m̄ = Σ_g m_g / K,  P = K(K − 1)/2,
 * (K Σ m² − (Σ m)² = K Σ (m − m̄)²), so ∂G/∂m_g = 4(m_g − m̄)/(K − 1) (the m̄ term drops: Σ (m_g − m̄) = 0),
 * and for a row i ∈ R of group g, ∂(λG)/∂z_i = λ · ∂G/∂m_g · p_i(1 − p_i) / n_g. G = 0 when K < 2.
 */
export function fairnessPenalty(
  Z: Float64Array,
  data: Rows,
  start: number,
  n: number,
  term: FairnessTerm,
  grad: Float64Array | null,
): number {
  const { groups } = data;
  if (!groups) return 0;
  const k = term.groupCount;
  const p = new Float64Array(n);
  for (let r = 0; r < n; r++) p[r] = 1 / (1 + Math.exp(-Z[r]));
  // −1: every row; else only the rows whose label is that class.
  const subsets =
    term.target === 'demographic-parity' ? [-1] : term.target === 'equal-opportunity' ? [1] : [1, 0];
  const count = new Float64Array(k);
  const mean = new Float64Array(k);
  const coefficient = new Float64Array(k);
  let value = 0;
  for (const label of subsets) {
    count.fill(0);
    mean.fill(0);
    coefficient.fill(0);
    const inSubset = (r: number) => groups[start + r] >= 0 && (label < 0 || data.t[start + r] === label);
    for (let r = 0; r < n; r++)
      if (inSubset(r)) {
        count[groups[start + r]]++;
        mean[groups[start + r]] += p[r];
      }
    let present = 0;
    let total = 0;
    for (let g = 0; g < k; g++)
      if (count[g] > 0) {
        present++;
        mean[g] /= count[g];
        total += mean[g];
      }
    if (present < 2) continue;
    const centre = total / present;
    for (let g = 0; g < k; g++) {
      if (count[g] === 0) continue;
      value += (2 * (mean[g] - centre) ** 2) / (present - 1);
      coefficient[g] = (term.lambda * 4 * (mean[g] - centre)) / ((present - 1) * count[g]);
    }
    if (grad)
      for (let r = 0; r < n; r++)
        if (inSubset(r)) grad[r] += coefficient[groups[start + r]] * p[r] * (1 - p[r]);
  }
  return term.lambda * value;
}

/** Backward pass: gradients of every W and b, the L2 term λW/S added to the weights. */
export function backward(
  layers: Layer[],
  data: Rows,
  start: number,
  n: number,
  acts: Float64Array[],
  masks: (Uint8Array | null)[],
  dZout: Float64Array,
  penaltyScale: number,
  dropoutRate: number,
): Float64Array[] {
  const grads: Float64Array[] = new Array(layers.length * 2);
  let dZ = dZout;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { fanIn, fanOut, W } = layers[l];
    const gW = new Float64Array(fanIn * fanOut);
    const gb = new Float64Array(fanOut);
    const input = l > 0 ? acts[l - 1] : null;
    for (let r = 0; r < n; r++) {
      const d = r * fanOut;
      for (let j = 0; j < fanOut; j++) gb[j] += dZ[d + j];
      for (let i = 0; i < fanIn; i++) {
        const x = input ? input[r * fanIn + i] : data.X[(start + r) * data.cols + i];
        if (x === 0) continue;
        const wi = i * fanOut;
        for (let j = 0; j < fanOut; j++) gW[wi + j] += x * dZ[d + j];
      }
    }
    if (penaltyScale > 0) for (let k = 0; k < gW.length; k++) gW[k] += penaltyScale * W[k];
    grads[2 * l] = gW;
    grads[2 * l + 1] = gb;
    if (l > 0 && input) {
      // dH = dZ Wᵀ, through dropout (mask and scale) and the ReLU (zero where the unit was off).
      const below = new Float64Array(n * fanIn);
      // A kept unit was scaled by 1/(1 − rate) going forward, so its gradient is too; a dropped unit or
      // a ReLU that was off holds 0 in `input` and gets no gradient.
      const scale = masks[l - 1] ? 1 / (1 - dropoutRate) : 1;
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < fanIn; i++) {
          const k = r * fanIn + i;
          if (input[k] === 0) continue;
          let s = 0;
          const wi = i * fanOut;
          const d = r * fanOut;
          for (let j = 0; j < fanOut; j++) s += dZ[d + j] * W[wi + j];
          below[k] = s * scale;
        }
      }
      dZ = below;
    }
  }
  return grads;
}

export function adamStep(
  layers: Layer[],
  grads: Float64Array[],
  state: AdamState,
  learningRate: number,
): void {
  state.t++;
  const c1 = 1 - BETA1 ** state.t;
  const c2 = 1 - BETA2 ** state.t;
  layers.forEach((layer, l) => {
    for (const [p, values] of [
      [2 * l, layer.W],
      [2 * l + 1, layer.b],
    ] as const) {
      const g = grads[p];
      const m = state.m[p];
      const v = state.v[p];
      for (let k = 0; k < values.length; k++) {
        m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
        v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
        values[k] -= (learningRate * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + EPSILON);
      }
    }
  });
}

/** Weighted accuracy (binary: z ≥ 0 ↔ P ≥ ½; multiclass: arg-max) or R², as ../tf/data.ts `weightedMetric`. */
export function metric(task: NetOptions['task'], Z: Float64Array, width: number, data: Rows): number {
  let total = 0;
  let good = 0;
  if (task === 'regression') {
    let mean = 0;
    for (let r = 0; r < data.rows; r++) {
      total += data.w[r];
      mean += data.w[r] * data.t[r];
    }
    mean /= total;
    let residual = 0;
    let spread = 0;
    for (let r = 0; r < data.rows; r++) {
      residual += data.w[r] * (Z[r] - data.t[r]) ** 2;
      spread += data.w[r] * (data.t[r] - mean) ** 2;
    }
    return 1 - residual / Math.max(spread, 1e-12);
  }
  for (let r = 0; r < data.rows; r++) {
    total += data.w[r];
    let predicted: number;
    if (task === 'binary') predicted = Z[r] >= 0 ? 1 : 0;
    else {
      predicted = 0;
      for (let c = 1; c < width; c++) if (Z[r * width + c] > Z[r * width + predicted]) predicted = c;
    }
    if (predicted === data.t[r]) good += data.w[r];
  }
  return good / total;
}
