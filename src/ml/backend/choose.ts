/**
 * Which TF.js backend training runs on, decided from what initialising each one found. Pure: no browser, no
 * TF.js, so every rule is unit-tested in Node.
 *
 * Why "measured, not by name" (docs/issue 3, `shared/STACK-NOTES.md`): one epoch of logistic regression on
 * 32,000 × 100 rows (batch 512, Adam) in a worker here took 0.38 s on WASM, 0.48 s on CPU, 1.36 s on WebGL
 * through SwiftShader and 14.3 s on WebGPU through SwiftShader (MLP: 0.80 / 2.80 / 3.59 / 17.7 s). A real GPU
 * beats them all, but a software-emulated one (SwiftShader, llvmpipe) is 4–40× slower than WASM, so it is never
 * picked automatically.
 */

/** The TF.js backends the workbench can train on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * Preference order, best first: a real GPU (WebGPU, then WebGL), then WASM (SIMD; 0.38 s per epoch here),
 * then the plain-JS CPU backend (0.48 s, and 3.5× slower than WASM on the MLP). Fallback walks down it.
 */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** The backends that run on a GPU, and so can be software-emulated (SwiftShader, llvmpipe). */
export const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];

/** What initialising one backend found (see `detect.ts` for the browser-side probes that fill it in). */
export interface BackendProbe {
  name: BackendName;
  /** Whether it initialised. */
  ok: boolean;
  /** Why it did not, as the browser or TF.js said it; shown to the user. */
  error?: string;
  /**
   * The GPU is emulated on the CPU (SwiftShader, llvmpipe, `isFallbackAdapter`, a "Software" renderer): it
   * works, but measured 4–40× slower than WASM here, so it is skipped unless forced.
   */
  software?: boolean;
  /** The adapter or renderer string, for display ("ANGLE (NVIDIA, …)", "Google SwiftShader"). */
  description?: string;
}

/**
 * Why a backend was chosen; a code the UI translates.
 * - `real-gpu`: a hardware GPU initialised (WebGPU, else WebGL).
 * - `software-gpu-skipped`: the only GPU was software-emulated, so WASM or CPU runs (it is faster, measured).
 * - `forced`: the user forced this backend and it initialised.
 * - `forced-failed-fallback`: the forced backend failed to initialise; the next one down the order runs.
 * - `no-gpu`: no GPU backend initialised at all; WASM or CPU runs.
 */
export type BackendReason =
  'real-gpu' | 'software-gpu-skipped' | 'forced' | 'forced-failed-fallback' | 'no-gpu';

/** The decision, with every backend passed over on the way and why (for the "Trained on …" note). */
export interface BackendChoice {
  backend: BackendName;
  reason: BackendReason;
  /** The backends tried before `backend`, best first, each with why it was not used. */
  skipped: { backend: BackendName; reason: string }[];
}

/** Whether `name` runs on a GPU (and so may be software-emulated). */
export function isGpuBackend(name: BackendName): boolean {
  return GPU_BACKENDS.includes(name);
}

/** The first probe for `name`, or undefined when it was not probed. */
function probeFor(probes: readonly BackendProbe[], name: BackendName): BackendProbe | undefined {
  return probes.find((p) => p.name === name);
}

/**
 * Why `name` may not be picked automatically, or null when it may: it was not probed, it failed to
 * initialise, or it is a software-emulated GPU (measured 4–40× slower than WASM here).
 */
function whyNotUsable(probes: readonly BackendProbe[], name: BackendName): string | null {
  const probe = probeFor(probes, name);
  if (!probe) return 'not probed';
  if (!probe.ok) return probe.error ? `failed to initialise: ${probe.error}` : 'failed to initialise';
  if (probe.software && isGpuBackend(name)) {
    return probe.description
      ? `software-emulated GPU (${probe.description}), slower than the CPU backends`
      : 'software-emulated GPU, slower than the CPU backends';
  }
  return null;
}

/**
 * The backends that may be picked automatically, best first: initialised, and not a software-emulated GPU.
 * This is the `available` list to hand to `nextBackend` when a GPU device is lost mid-training.
 */
export function usableBackends(probes: readonly BackendProbe[]): BackendName[] {
  return BACKEND_ORDER.filter((name) => whyNotUsable(probes, name) === null);
}

/**
 * Picks the backend to train on.
 *
 * Without `forced`: the first of WebGPU, WebGL, WASM, CPU that initialised, skipping a software-emulated GPU
 * (SwiftShader WebGPU measured 38× slower than WASM per epoch here, SwiftShader WebGL 3.6×). With `forced`: that
 * backend when it initialised — even a software GPU, since the user asked (and the e2e suite needs it) —
 * else the next usable one down the order (then, if none below, above it), with `forced-failed-fallback`.
 *
 * When nothing usable was probed the answer is `cpu`: TF.js's CPU backend is plain JavaScript and always
 * registers, so training never has nowhere to run.
 */
export function chooseBackend(probes: readonly BackendProbe[], forced?: BackendName): BackendChoice {
  const skipped: BackendChoice['skipped'] = [];

  if (forced) {
    const probe = probeFor(probes, forced);
    if (probe?.ok) return { backend: forced, reason: 'forced', skipped };
    skipped.push({ backend: forced, reason: whyNotUsable(probes, forced) ?? 'failed to initialise' });
    const at = BACKEND_ORDER.indexOf(forced);
    const order = [...BACKEND_ORDER.slice(at + 1), ...BACKEND_ORDER.slice(0, at)];
    for (const name of order) {
      const why = whyNotUsable(probes, name);
      if (why === null) return { backend: name, reason: 'forced-failed-fallback', skipped };
      skipped.push({ backend: name, reason: why });
    }
    return {
      backend: 'cpu',
      reason: 'forced-failed-fallback',
      skipped: skipped.filter((s) => s.backend !== 'cpu'),
    };
  }

  for (const name of BACKEND_ORDER) {
    const why = whyNotUsable(probes, name);
    if (why === null) return { backend: name, reason: automaticReason(probes, name), skipped };
    skipped.push({ backend: name, reason: why });
  }
  return {
    backend: 'cpu',
    reason: automaticReason(probes, 'cpu'),
    skipped: skipped.filter((s) => s.backend !== 'cpu'),
  };
}

/** The reason code for an automatic pick of `chosen`. */
function automaticReason(probes: readonly BackendProbe[], chosen: BackendName): BackendReason {
  if (isGpuBackend(chosen)) return 'real-gpu';
  const softwareGpu = probes.some((p) => isGpuBackend(p.name) && p.ok && p.software);
  return softwareGpu ? 'software-gpu-skipped' : 'no-gpu';
}
