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
