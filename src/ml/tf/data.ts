/**
 * Training rows on the device, and the losses and metrics computed there. The rows are uploaded once per fit,
 * in a seeded random order, and stay on the device for the whole training; mini-batches are contiguous slices.
 */
import * as tf from '@tensorflow/tfjs';
import type { TargetScaling } from './shared';

export { targetScaling, type TargetScaling } from './shared';
import type { FairnessTarget, NetTask } from './options';

/** Rows on the device: inputs, targets in the loss's form, and sample weights rescaled to mean 1. */
export interface DeviceRows {
  X: tf.Tensor2D;
  /** binary: rows × 1 of 0/1; multiclass: one-hot rows × k; regression: rows × 1 of (y − shift) / scale. */
  Y: tf.Tensor2D;
  /** n · s_i / Σ s: the sample weights rescaled to mean 1, so a batch mean of w·ℓ estimates Σ s·ℓ / Σ s. */
  w: tf.Tensor1D;
  rows: number;
  /** Σ s_i, the raw sample weights' total. */
  totalWeight: number;
  /** With a fairness penalty: each row's group one-hot, rows × groupCount (a zero row for code −1). */
  A?: tf.Tensor2D;
}

/** Group codes of the input rows (0 … count − 1, or −1 for none), as `FairnessPenalty` gives them. */
export interface RowGroups {
  codes: Int32Array;
  count: number;
}

/**
 * Uploads rows with their targets, weights and (given `groups`) group one-hots; with `order`, row i on the
 * device is row `order[i]` of the input (the training rows are shuffled once, on the host, so contiguous
 * mini-batches are random samples). The caller disposes the tensors.
 */
export function uploadRows(
  data: { X: Float32Array; rows: number; cols: number; y: Float64Array; weights: Float64Array | undefined },
  target: { task: NetTask; classes: number; scaling: TargetScaling },
  order?: Int32Array,
  groups?: RowGroups,
): DeviceRows {
  const { X, rows, cols, y, weights } = data;
  const at = (i: number) => (order ? order[i] : i);
  const totalWeight = weights ? weights.reduce((a, b) => a + b, 0) : rows;
  const w = Float32Array.from({ length: rows }, (_, i) =>
    weights ? (weights[at(i)] * rows) / totalWeight : 1,
  );
  const Xd = order ? new Float32Array(rows * cols) : X;
  if (order)
    for (let i = 0; i < rows; i++) Xd.set(X.subarray(order[i] * cols, (order[i] + 1) * cols), i * cols);
  const { task, classes, scaling } = target;
  const Y =
    task === 'multiclass'
      ? tf.tidy(() => {
          const labels = tf.tensor1d(
            Int32Array.from({ length: rows }, (_, i) => y[at(i)]),
            'int32',
          );
          return tf.oneHot(labels, classes).toFloat() as tf.Tensor2D;
        })
      : tf.tensor2d(
          Float32Array.from({ length: rows }, (_, i) => (y[at(i)] - scaling.shift) / scaling.scale),
          [rows, 1],
        );
  const uploaded: DeviceRows = { X: tf.tensor2d(Xd, [rows, cols]), Y, w: tf.tensor1d(w), rows, totalWeight };
  if (groups) {
    const k = groups.count;
    const A = new Float32Array(rows * k);
    for (let i = 0; i < rows; i++) {
      const g = groups.codes[at(i)];
      if (g >= 0) A[i * k + g] = 1;
    }
    uploaded.A = tf.tensor2d(A, [rows, k]);
  }
  return uploaded;
}

/** Frees the tensors of `uploadRows`. */
export function disposeRows(data: DeviceRows | undefined): void {
  if (data) tf.dispose([data.X, data.Y, data.w, ...(data.A ? [data.A] : [])]);
}

/**
 * The gap G(R) of `FairnessPenalty` from the batch's probabilities p (n × 1) and `member` (n × k), the
 * group one-hots zeroed outside R: n_g = Σ_i member_ig, m_g = Σ_i member_ig p_i / n_g over the K groups with
 * n_g > 0, and Σ_{g<h}(m_g − m_h)² = K Σ_g (m_g − m̄)² with m̄ = Σ m_g / K (the identity K Σm² − (Σm)²,
 * centred so that float32 does not cancel), over P = K(K − 1)/2 pairs: G = 2 Σ_g (m_g − m̄)² / (K − 1);
 * 0 when K < 2.
 */
function groupGap(p: tf.Tensor2D, member: tf.Tensor2D): tf.Scalar {
  const counts = tf.sum(member, 0);
  const present = tf.cast(tf.greater(counts, 0), 'float32');
  const K = tf.sum(present);
  const m = tf.div(tf.sum(tf.mul(member, p), 0), tf.maximum(counts, 1));
  const deviation = tf.mul(tf.sub(m, tf.div(tf.sum(m), tf.maximum(K, 1))), present);
  return tf.div(tf.mul(tf.sum(tf.square(deviation)), 2), tf.maximum(tf.sub(K, 1), 1)) as tf.Scalar;
}

/**
 * The fairness penalty of a batch at raw scores Z (binary, n × 1), targets Y (0/1, n × 1) and group one-hots
 * A (n × k), with p = σ(z): λ·G(B) for demographic parity, λ·G(B ∩ {y=1}) for equal opportunity and
 * λ·[G(B ∩ {y=1}) + G(B ∩ {y=0})] for equalized odds (see `FairnessPenalty`). Unweighted by the samples.
 */
export function fairnessLoss(
  Z: tf.Tensor2D,
  Y: tf.Tensor2D,
  A: tf.Tensor2D,
  lambda: number,
  target: FairnessTarget,
): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.sigmoid(Z);
    if (target === 'demographic-parity') return tf.mul(groupGap(p, A), lambda) as tf.Scalar;
    const positives = groupGap(p, tf.mul(A, Y));
    const gap =
      target === 'equal-opportunity' ? positives : tf.add(positives, groupGap(p, tf.mul(A, tf.sub(1, Y))));
    return tf.mul(gap, lambda) as tf.Scalar;
  });
}

/**
 * Per-row loss ℓ_i at raw scores Z (the output layer before its link), as the optimiser sees it:
 * binary log loss in its stable form max(z, 0) − z·y + log(1 + e^−|z|) = −[y log σ(z) + (1 − y) log(1 − σ(z))];
 * multiclass cross-entropy −Σ_c y_c log softmax(z)_c; regression ½(z − y)² on the standardised target.
 */
export function rowLoss(task: NetTask, Z: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    if (task === 'multiclass') return tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(Z)), 1)) as tf.Tensor1D;
    const z = tf.reshape(Z, [-1]);
    const t = tf.reshape(Y, [-1]);
    if (task === 'regression') return tf.mul(tf.squaredDifference(z, t), 0.5) as tf.Tensor1D;
    return tf.add(tf.sub(tf.relu(z), tf.mul(z, t)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))) as tf.Tensor1D;
  });
}

/** (1/n) Σ w_i ℓ_i over the n rows given, with w the mean-1 weights of `DeviceRows`. */
export function weightedMeanLoss(task: NetTask, Z: tf.Tensor2D, Y: tf.Tensor2D, w: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.mul(rowLoss(task, Z, Y), w)) as tf.Scalar);
}

/**
 * The validation metric as a scalar: weighted accuracy Σ w·[ŷ = y] / Σ w (binary: ŷ = 1 when z ≥ 0, i.e.
 * P ≥ ½; multiclass: the arg-max class) or, for regression, R² = 1 − Σ w (y − ŷ)² / Σ w (y − ȳ_w)².
 */
export function weightedMetric(task: NetTask, Z: tf.Tensor2D, Y: tf.Tensor2D, w: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const total = tf.sum(w);
    if (task === 'regression') {
      const z = tf.reshape(Z, [-1]);
      const t = tf.reshape(Y, [-1]);
      const mean = tf.div(tf.sum(tf.mul(w, t)), total);
      const residual = tf.sum(tf.mul(w, tf.squaredDifference(z, t)));
      const spread = tf.sum(tf.mul(w, tf.squaredDifference(t, mean)));
      return tf.sub(1, tf.div(residual, tf.maximum(spread, 1e-12))) as tf.Scalar;
    }
    const correct =
      task === 'binary'
        ? tf.equal(tf.reshape(tf.greaterEqual(Z, 0), [-1]), tf.reshape(tf.cast(Y, 'bool'), [-1]))
        : tf.equal(tf.argMax(Z, 1), tf.argMax(Y, 1));
    return tf.div(tf.sum(tf.mul(w, tf.cast(correct, 'float32'))), total) as tf.Scalar;
  });
}
