import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, parseTyped, stringifyTyped } from './typedJson';

describe('typed JSON', () => {
  it('round-trips typed arrays exactly, NaN, −0 and all, inside plain values', () => {
    const value = {
      name: 'run',
      scores: Float64Array.from([0.1, NaN, -0, 1e-300, Infinity]),
      codes: Int32Array.from([-1, 0, 7, 2 ** 31 - 1]),
      rows: Uint32Array.from([0, 4294967295]),
      nested: [{ x: Float32Array.from([1.5, -2]) }],
      plain: [1, 2, 3],
    };
    const back = parseTyped(stringifyTyped(value)) as typeof value;
    expect(back.scores).toBeInstanceOf(Float64Array);
    expect(Array.from(back.scores)).toEqual(Array.from(value.scores));
    expect(Object.is(back.scores[2], -0)).toBe(true);
    expect(back.codes).toEqual(value.codes);
    expect(back.rows).toEqual(value.rows);
    expect(back.nested[0].x).toEqual(value.nested[0].x);
    expect(back.plain).toEqual([1, 2, 3]);
  });

  it('writes a typed array as its base64 bytes, not as numbered keys', () => {
    const text = stringifyTyped({ a: new Float64Array(1000) });
    expect(text).toContain('"$typed":"Float64Array"');
    expect(text.length).toBeLessThan(12_000);
  });

  it('encodes a view at an offset, not its whole buffer', () => {
    const whole = Int32Array.from([1, 2, 3, 4]);
    const back = parseTyped(stringifyTyped(whole.subarray(1, 3))) as Int32Array;
    expect(Array.from(back)).toEqual([2, 3]);
  });

  it('refuses unknown types and bytes that do not fit', () => {
    expect(() => parseTyped('{"$typed":"BigInt64Array","base64":""}')).toThrow(RangeError);
    expect(() => parseTyped('{"$typed":"Float64Array","base64":"AAE="}')).toThrow(RangeError);
    expect(() => parseTyped('{"$typed":"Float64Array","base64":"**"}')).toThrow(RangeError);
    expect(() => parseTyped('not json')).toThrow(SyntaxError);
  });

  it('base64 of bytes round-trips, large inputs too', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 37) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
  });
});
