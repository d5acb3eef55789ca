import { describe, expect, it } from 'vitest';
import { chooseBackend, usableBackends, type BackendProbe } from './choose';

const realWebGpu: BackendProbe = { name: 'webgpu', ok: true, description: 'nvidia, ampere' };
const softWebGpu: BackendProbe = {
  name: 'webgpu',
  ok: true,
  software: true,
  description: 'google, swiftshader',
};
const failedWebGpu: BackendProbe = { name: 'webgpu', ok: false, error: 'No WebGPU adapter was found' };
const realWebGl: BackendProbe = {
  name: 'webgl',
  ok: true,
  description: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080)',
};
const softWebGl: BackendProbe = {
  name: 'webgl',
  ok: true,
  software: true,
  description: 'Google SwiftShader',
};
const failedWebGl: BackendProbe = { name: 'webgl', ok: false, error: 'Could not create a WebGL 2 context' };
const wasm: BackendProbe = { name: 'wasm', ok: true };
const failedWasm: BackendProbe = { name: 'wasm', ok: false, error: 'wasm fetch failed' };
const cpu: BackendProbe = { name: 'cpu', ok: true };

describe('chooseBackend, automatic', () => {
  it('a real WebGPU is chosen first', () => {
    expect(chooseBackend([realWebGpu, realWebGl, wasm, cpu])).toEqual({
      backend: 'webgpu',
      reason: 'real-gpu',
      skipped: [],
    });
  });

  it('a real GPU is chosen over WASM', () => {
    const choice = chooseBackend([failedWebGpu, realWebGl, wasm, cpu]);
    expect(choice.backend).toBe('webgl');
    expect(choice.reason).toBe('real-gpu');
    expect(choice.skipped).toEqual([
      { backend: 'webgpu', reason: 'failed to initialise: No WebGPU adapter was found' },
    ]);
  });

  it('a SwiftShader WebGPU adapter is skipped for WASM', () => {
    const choice = chooseBackend([softWebGpu, softWebGl, wasm, cpu]);
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toBe('software-gpu-skipped');
    expect(choice.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    expect(choice.skipped[0].reason).toMatch(/software-emulated GPU \(google, swiftshader\)/);
  });

  it('a software WebGPU is skipped for a real WebGL', () => {
    expect(chooseBackend([softWebGpu, realWebGl, wasm, cpu])).toMatchObject({
      backend: 'webgl',
      reason: 'real-gpu',
    });
  });

  it('with no GPU at all WASM runs, as no-gpu', () => {
    expect(chooseBackend([failedWebGpu, failedWebGl, wasm, cpu])).toMatchObject({
      backend: 'wasm',
      reason: 'no-gpu',
    });
  });

  it('a failed software GPU does not count as a skipped software GPU', () => {
    const failedSoft: BackendProbe = { name: 'webgpu', ok: false, software: true, error: 'device lost' };
    expect(chooseBackend([failedSoft, wasm]).reason).toBe('no-gpu');
  });

  it('CPU runs when WASM failed too', () => {
    expect(chooseBackend([softWebGpu, failedWasm, cpu])).toMatchObject({
      backend: 'cpu',
      reason: 'software-gpu-skipped',
    });
  });

  it('a backend that was not probed is skipped as not probed', () => {
    const choice = chooseBackend([wasm]);
    expect(choice.backend).toBe('wasm');
    expect(choice.skipped).toEqual([
      { backend: 'webgpu', reason: 'not probed' },
      { backend: 'webgl', reason: 'not probed' },
    ]);
  });

  it('CPU is the last resort even when nothing was probed', () => {
    expect(chooseBackend([])).toEqual({
      backend: 'cpu',
      reason: 'no-gpu',
      skipped: [
        { backend: 'webgpu', reason: 'not probed' },
        { backend: 'webgl', reason: 'not probed' },
        { backend: 'wasm', reason: 'not probed' },
      ],
    });
  });

  it('the order of the probes does not matter', () => {
    expect(chooseBackend([cpu, wasm, realWebGl, realWebGpu]).backend).toBe('webgpu');
  });
});

describe('chooseBackend, forced', () => {
  it('a forced backend that initialises is used', () => {
    expect(chooseBackend([realWebGpu, realWebGl, wasm, cpu], 'cpu')).toEqual({
      backend: 'cpu',
      reason: 'forced',
      skipped: [],
    });
  });

  it('a forced software WebGPU is used: the user asked for it', () => {
    expect(chooseBackend([softWebGpu, wasm, cpu], 'webgpu')).toMatchObject({
      backend: 'webgpu',
      reason: 'forced',
    });
  });

  it('a forced WebGPU that fails falls back to WebGL and says so', () => {
    expect(chooseBackend([failedWebGpu, realWebGl, wasm, cpu], 'webgpu')).toEqual({
      backend: 'webgl',
      reason: 'forced-failed-fallback',
      skipped: [{ backend: 'webgpu', reason: 'failed to initialise: No WebGPU adapter was found' }],
    });
  });

  it('a forced WebGPU that fails skips a software WebGL for WASM', () => {
    const choice = chooseBackend([failedWebGpu, softWebGl, wasm, cpu], 'webgpu');
    expect(choice).toMatchObject({ backend: 'wasm', reason: 'forced-failed-fallback' });
    expect(choice.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
  });

  it('a forced WASM that fails falls back down to CPU, not up to the GPU', () => {
    expect(chooseBackend([realWebGpu, failedWasm, cpu], 'wasm')).toMatchObject({
      backend: 'cpu',
      reason: 'forced-failed-fallback',
    });
  });

  it('a forced CPU that fails falls back to the best usable backend above it', () => {
    const failedCpu: BackendProbe = { name: 'cpu', ok: false, error: 'boom' };
    expect(chooseBackend([softWebGpu, realWebGl, wasm, failedCpu], 'cpu')).toMatchObject({
      backend: 'webgl',
      reason: 'forced-failed-fallback',
    });
  });

  it('a forced backend that was not probed falls back and says it was not probed', () => {
    const choice = chooseBackend([wasm, cpu], 'webgl');
    expect(choice).toMatchObject({ backend: 'wasm', reason: 'forced-failed-fallback' });
    expect(choice.skipped[0]).toEqual({ backend: 'webgl', reason: 'not probed' });
  });

  it('a forced backend that fails with nothing else usable lands on CPU', () => {
    expect(chooseBackend([failedWebGpu], 'webgpu')).toMatchObject({
      backend: 'cpu',
      reason: 'forced-failed-fallback',
    });
  });
});

describe('usableBackends', () => {
  it('lists the initialised backends best first, without software GPUs', () => {
    expect(usableBackends([cpu, softWebGpu, realWebGl, failedWasm])).toEqual(['webgl', 'cpu']);
  });
});
