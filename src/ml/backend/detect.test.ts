import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeGpu, isSoftwareRenderer, probeWebGl, probeWebGpu } from './detect';

describe('isSoftwareRenderer', () => {
  it.each([
    ['Google SwiftShader'],
    ['llvmpipe (LLVM 15.0.7, 256 bits)'],
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'],
    ['Microsoft Basic Render Driver'],
    ['Software Rasterizer'],
  ])('the renderer %s is software', (renderer) => {
    expect(isSoftwareRenderer({ renderer })).toBe(true);
  });

  it.each([['ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)'], ['Apple M2'], ['Mali-G78']])(
    'the renderer %s is a real GPU',
    (renderer) => {
      expect(isSoftwareRenderer({ renderer })).toBe(false);
    },
  );

  it("Chromium's SwiftShader WebGPU adapter (google / swiftshader) is software", () => {
    expect(
      isSoftwareRenderer({ vendor: 'google', architecture: 'swiftshader', device: '', description: '' }),
    ).toBe(true);
  });

  it('a real WebGPU adapter (nvidia / ampere) is not', () => {
    expect(
      isSoftwareRenderer({ vendor: 'nvidia', architecture: 'ampere', device: '', description: '' }),
    ).toBe(false);
  });

  it('an adapter flagged isFallbackAdapter is software whatever it is called', () => {
    expect(isSoftwareRenderer({ vendor: 'nvidia', isFallbackAdapter: true })).toBe(true);
  });

  it('an adapter that says nothing about itself is taken as real', () => {
    expect(isSoftwareRenderer({})).toBe(false);
  });
});

describe('describeGpu', () => {
  it('joins the fields it has, without repeats', () => {
    expect(describeGpu({ vendor: 'google', architecture: 'swiftshader', device: '', description: '' })).toBe(
      'google, swiftshader',
    );
    expect(describeGpu({})).toBeUndefined();
  });
});

describe('probes outside a browser (stubbed globals, no GPU)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('probeWebGpu says ok:false when there is no navigator.gpu', async () => {
    vi.stubGlobal('navigator', {});
    expect(await probeWebGpu()).toEqual({
      name: 'webgpu',
      ok: false,
      error: 'WebGPU is not available (no navigator.gpu)',
    });
  });

  it('probeWebGpu returns the error instead of throwing', async () => {
    vi.stubGlobal('navigator', {
      gpu: { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) },
    });
    expect(await probeWebGpu()).toEqual({ name: 'webgpu', ok: false, error: 'GPU process crashed' });
  });

  it('probeWebGpu flags a SwiftShader adapter as software', async () => {
    const destroy = vi.fn();
    const adapter = {
      info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '' },
      isFallbackAdapter: false,
      requestDevice: () => Promise.resolve({ destroy }),
    };
    vi.stubGlobal('navigator', { gpu: { requestAdapter: () => Promise.resolve(adapter) } });
    expect(await probeWebGpu()).toEqual({
      name: 'webgpu',
      ok: true,
      software: true,
      description: 'google, swiftshader',
    });
    expect(destroy).toHaveBeenCalled();
  });

  it('probeWebGpu reads requestAdapterInfo when adapter.info is missing', async () => {
    const adapter = {
      requestAdapterInfo: () => Promise.resolve({ vendor: 'apple', architecture: 'metal-3' }),
      requestDevice: () => Promise.resolve({}),
    };
    vi.stubGlobal('navigator', { gpu: { requestAdapter: () => Promise.resolve(adapter) } });
    expect(await probeWebGpu()).toMatchObject({ ok: true, software: false, description: 'apple, metal-3' });
  });

  it('probeWebGpu says ok:false when no adapter is found', async () => {
    vi.stubGlobal('navigator', { gpu: { requestAdapter: () => Promise.resolve(null) } });
    expect(await probeWebGpu()).toMatchObject({ ok: false, error: 'No WebGPU adapter was found' });
  });

  it('probeWebGl says ok:false when there is no OffscreenCanvas', async () => {
    vi.stubGlobal('OffscreenCanvas', undefined);
    expect(await probeWebGl()).toEqual({
      name: 'webgl',
      ok: false,
      error: 'WebGL is not available (no OffscreenCanvas)',
    });
  });

  it('probeWebGl reads the unmasked renderer and flags SwiftShader', async () => {
    const loseContext = vi.fn();
    const gl = {
      VENDOR: 1,
      RENDERER: 2,
      getExtension: (name: string) =>
        name === 'WEBGL_debug_renderer_info'
          ? { UNMASKED_VENDOR_WEBGL: 10, UNMASKED_RENDERER_WEBGL: 11 }
          : name === 'WEBGL_lose_context'
            ? { loseContext }
            : null,
      getParameter: (p: number) =>
        ({
          1: 'WebKit',
          2: 'WebKit WebGL',
          10: 'Google Inc. (Google)',
          11: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
        })[p],
    };
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return gl;
        }
      },
    );
    const probe = await probeWebGl();
    expect(probe).toMatchObject({ name: 'webgl', ok: true, software: true });
    expect(probe.description).toMatch(/^ANGLE \(Google, Vulkan/);
    expect(loseContext).toHaveBeenCalled();
  });

  it('probeWebGl says ok:false when no WebGL 2 context can be made', async () => {
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return null;
        }
      },
    );
    expect(await probeWebGl()).toMatchObject({ ok: false, error: 'Could not create a WebGL 2 context' });
  });
});
