import { describe, expect, it } from 'vitest';
import { nextBackend } from './fallback';

describe('nextBackend', () => {
  it('a lost WebGPU device moves training to WebGL', () => {
    expect(nextBackend('webgpu', ['webgpu', 'webgl', 'wasm', 'cpu'])).toBe('webgl');
  });

  it('a lost WebGL context moves training to WASM', () => {
    expect(nextBackend('webgl', ['webgpu', 'webgl', 'wasm', 'cpu'])).toBe('wasm');
  });

  it('backends that are not available are passed over', () => {
    expect(nextBackend('webgpu', ['webgpu', 'cpu'])).toBe('cpu');
  });

  it('never moves up the order', () => {
    expect(nextBackend('wasm', ['webgpu', 'webgl', 'wasm'])).toBeNull();
  });

  it('nothing follows CPU', () => {
    expect(nextBackend('cpu', ['webgpu', 'webgl', 'wasm', 'cpu'])).toBeNull();
  });

  it('the current backend need not be in the available list', () => {
    expect(nextBackend('webgpu', ['wasm', 'cpu'])).toBe('wasm');
  });
});
