import { describe, expect, it } from 'vitest';
import { maxFileBytes } from './limits';

const MB = 1024 ** 2;

describe('maxFileBytes', () => {
  it('allows an eighth of the device memory', () => expect(maxFileBytes(8)).toBe(1024 * MB));
  it('assumes 4 GB when the browser does not say', () => expect(maxFileBytes(undefined)).toBe(512 * MB));
  it('never goes below 256 MB, so small devices still read ordinary files', () =>
    expect(maxFileBytes(0.5)).toBe(256 * MB));
  it('never goes above 2 GB', () => expect(maxFileBytes(64)).toBe(2048 * MB));
});
