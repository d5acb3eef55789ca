/**
 * Starts a TF.js backend by name and makes it the current one. The WebGPU and WASM backends are separate
 * packages, loaded only when asked for, so a run on WASM never downloads WebGPU's code and the tree models
 * load no TF.js at all. Never throws: a backend that fails to initialise comes back as `ok: false` with the
 * reason, for `chooseBackend` to pass over.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './choose';

/**
 * Where the WASM backend's binaries are served from, by file name. The app passes the URLs Vite gave them
 * (`?url` imports), so they load from the page's own origin and are cached for offline use; no CDN.
 */
export type WasmFiles = Partial<
  Record<
    'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm',
    string
  >
>;

export type Activation = { ok: true } | { ok: false; error: string };

let wasmPathsSet = false;

async function register(name: BackendName, wasmFiles?: WasmFiles): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Must be set before the backend first initialises, and only once.
    if (wasmFiles && !wasmPathsSet) wasm.setWasmPaths(wasmFiles);
    wasmPathsSet = true;
  }
}

/** Makes `name` TF.js's backend; resolves to why not when it fails to initialise. */
export async function activateBackend(name: BackendName, wasmFiles?: WasmFiles): Promise<Activation> {
  try {
    await register(name, wasmFiles);
    if (!(await tf.setBackend(name))) return { ok: false, error: `TF.js could not start ${name}` };
    await tf.ready();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Removes a backend from TF.js (its instance and its factory), so it can no longer be set. */
export function removeBackend(name: BackendName): void {
  try {
    tf.removeBackend(name);
  } catch {
    // It was never registered.
  }
}

/**
 * Destroys the WebGPU device under TF.js, as a driver reset or a lost GPU would: for the diagnostic
 * `simulate=device-lost` switch, which lets the e2e suite exercise the fallback a real loss triggers.
 * Does nothing on another backend.
 */
export function loseWebGpuDevice(): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as unknown as { device?: { destroy?: () => void } };
  backend.device?.destroy?.();
}
