/**
 * What the GPU behind WebGPU and WebGL really is. On these machines (no GPU) both run through SwiftShader, a
 * CPU emulation measured 3.6× (WebGL) and 38× (WebGPU) slower than TF.js WASM per epoch, with 5–6 s and
 * 20–21 s of shader compilation before the first one (`shared/STACK-NOTES.md`): the adapter or renderer
 * string says so, and `chooseBackend` then skips it. The probes run in a Web Worker (training runs there) and
 * never throw: a failure comes back as `ok: false` with the message.
 */
import type { BackendProbe } from './choose';

/** What an adapter or renderer tells about itself; every field optional (browsers mask some). */
export interface GpuInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  renderer?: string;
  /** WebGPU's flag for an adapter with "significant performance caveats", i.e. a software one. */
  isFallbackAdapter?: boolean;
}

/**
 * Names of CPU emulations of a GPU, as browsers report them: SwiftShader (Chromium's WebGPU adapter
 * `google`/`swiftshader`, ANGLE's "SwiftShader Device (Subzero)", "Google SwiftShader"), Mesa's llvmpipe,
 * softpipe and lavapipe, Windows' WARP ("Microsoft Basic Render Driver"), and any "Software" renderer.
 */
const SOFTWARE_PATTERN = /swiftshader|llvmpipe|softpipe|lavapipe|basic render driver|software/i;

/**
 * Whether the GPU is emulated on the CPU (SwiftShader, llvmpipe, WARP, `isFallbackAdapter`). Such a GPU works
 * but measured 4–40× slower than WASM here, so it is never picked automatically. Pure.
 */
export function isSoftwareRenderer(info: GpuInfo): boolean {
  if (info.isFallbackAdapter) return true;
  const text = [info.vendor, info.architecture, info.device, info.description, info.renderer]
    .filter((s): s is string => typeof s === 'string')
    .join(' ');
  return SOFTWARE_PATTERN.test(text);
}

/** A short display string for an adapter or renderer: the most specific fields it gave. */
export function describeGpu(info: GpuInfo): string | undefined {
  const parts = [info.renderer ?? info.description, info.vendor, info.architecture, info.device].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  return parts.length > 0 ? [...new Set(parts)].join(', ') : undefined;
}

/** The few WebGPU members used here (the DOM lib of TypeScript 5.9 has no WebGPU types). */
interface MinimalGpuAdapter {
  info?: GpuInfo;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<GpuInfo>;
  requestDevice: () => Promise<{ destroy?: () => void }>;
}
interface MinimalGpu {
  requestAdapter: (options?: {
    powerPreference?: 'high-performance' | 'low-power';
  }) => Promise<MinimalGpuAdapter | null>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Probes WebGPU: asks for a high-performance adapter, reads what it says about itself (`adapter.info`, or the
 * older `requestAdapterInfo()`), flags a software one (`isFallbackAdapter`, SwiftShader: 14.3 s per epoch here
 * against WASM's 0.38 s), and opens and destroys a device to be sure it initialises. Never throws.
 */
export async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: MinimalGpu } | undefined)?.gpu;
  if (!gpu) return { name: 'webgpu', ok: false, error: 'WebGPU is not available (no navigator.gpu)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { name: 'webgpu', ok: false, error: 'No WebGPU adapter was found' };
    let info: GpuInfo = adapter.info ?? {};
    if (!adapter.info && adapter.requestAdapterInfo) {
      try {
        info = await adapter.requestAdapterInfo();
      } catch {
        // Older Chromium only, and optional: without it the adapter is judged on isFallbackAdapter alone.
      }
    }
    const full: GpuInfo = {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      isFallbackAdapter: Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter),
    };
    const device = await adapter.requestDevice();
    device.destroy?.();
    return { name: 'webgpu', ok: true, software: isSoftwareRenderer(full), description: describeGpu(full) };
  } catch (error) {
    return { name: 'webgpu', ok: false, error: message(error) };
  }
}

/**
 * Probes WebGL 2 the way TF.js uses it in a worker: a `webgl2` context on an OffscreenCanvas. Reads the real
 * renderer through `WEBGL_debug_renderer_info` (`UNMASKED_RENDERER_WEBGL`; else the plain `RENDERER`, which
 * some browsers unmask themselves) and flags a software one (SwiftShader WebGL: 1.36 s per epoch here against
 * WASM's 0.38 s). Releases the context afterwards. Never throws.
 */
export async function probeWebGl(): Promise<BackendProbe> {
  if (typeof OffscreenCanvas === 'undefined') {
    return { name: 'webgl', ok: false, error: 'WebGL is not available (no OffscreenCanvas)' };
  }
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { name: 'webgl', ok: false, error: 'Could not create a WebGL 2 context' };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const read = (unmasked: number | undefined, plain: number): string | undefined => {
      const value: unknown = gl.getParameter(unmasked ?? plain);
      return typeof value === 'string' ? value : undefined;
    };
    const info: GpuInfo = {
      vendor: read(debug?.UNMASKED_VENDOR_WEBGL, gl.VENDOR),
      renderer: read(debug?.UNMASKED_RENDERER_WEBGL, gl.RENDERER),
    };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { name: 'webgl', ok: true, software: isSoftwareRenderer(info), description: describeGpu(info) };
  } catch (error) {
    return { name: 'webgl', ok: false, error: message(error) };
  }
}
