/**
 * The WASM backend's binaries as URLs on the page's own origin: Vite copies them into the build and gives
 * their hashed paths (`?url`), so no CDN is ever asked and the offline cache can hold them. Vite-only: the
 * CLI in Node loads them from node_modules itself.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmFiles } from './activate';

export const WASM_FILES: WasmFiles = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};
