/**
 * Where training goes when its backend dies mid-run ("GPU device lost"): the next backend down the order. The
 * run starts again on it from the first epoch, with the same seed and settings, so the user gets a model
 * without doing anything (the epochs done on the failed backend are lost; the page and the report say so). Pure.
 */
import { BACKEND_ORDER, type BackendName } from './choose';

/**
 * The next backend below `current` in the order WebGPU → WebGL → WASM → CPU that is in `available`, or null
 * when none is left. Pass `usableBackends(probes)` as `available` so a software-emulated GPU (SwiftShader
 * WebGL measured 3.6× slower than WASM per epoch here, WebGPU 38×) is skipped on the way down too. Going down,
 * never up: the backend above already failed or was passed over.
 */
export function nextBackend(current: BackendName, available: readonly BackendName[]): BackendName | null {
  const below = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(current) + 1);
  return below.find((name) => available.includes(name)) ?? null;
}
