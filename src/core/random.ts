/**
 * The only source of randomness in the app: a seeded generator, so every random step (splits, shuffles,
 * generated benchmark data) is reproducible from its seed. mulberry32, a 32-bit generator with good
 * statistical quality for simulation (Tommy Ettinger, public domain); not for cryptography.
 */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates shuffle of 0 … n − 1 (Knuth, TAOCP vol. 2, §3.4.2, Algorithm P). */
export function shuffledOrder(n: number, rng: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
