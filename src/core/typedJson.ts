/**
 * JSON for values that hold typed arrays (a run's scores, group codes, split rows): `JSON.stringify` would
 * write a Float64Array as an object of numbered keys (four times larger, and read back as a plain object).
 * A typed array becomes `{ "$typed": "Float64Array", "base64": "…" }`: its bytes, little-endian as every
 * platform the app runs on stores them, so values (NaN, −0, the last bit of a double) come back exactly.
 */

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const isTypedName = (name: unknown): name is TypedName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(TYPED, name);

/** Bytes as base64, in chunks (String.fromCharCode takes a limited number of arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}

/** Base64 back to bytes; throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeTyped(array: Typed): { $typed: TypedName; base64: string } {
  const name = array.constructor.name as TypedName;
  return {
    $typed: name,
    base64: bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
  };
}

/** A JSON text of `value`, typed arrays written as above. */
export function stringifyTyped(value: unknown, space?: number): string {
  return JSON.stringify(
    value,
    function replacer(this: unknown, _key, v: unknown) {
      return ArrayBuffer.isView(v) && !(v instanceof DataView) && isTypedName(v.constructor.name)
        ? encodeTyped(v as Typed)
        : v;
    },
    space,
  );
}

/**
 * A JSON text read back, `{ $typed, base64 }` objects as typed arrays. Throws a SyntaxError on text that is
 * not JSON, and a RangeError on a typed array whose name is unknown or whose bytes do not fit its type.
 */
export function parseTyped(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || !('$typed' in v)) return v;
    const { $typed: name, base64 } = v as { $typed: unknown; base64: unknown };
    if (!isTypedName(name) || typeof base64 !== 'string') throw new RangeError('unknown typed array');
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(base64);
    } catch {
      throw new RangeError('typed array bytes are not base64');
    }
    const Type = TYPED[name];
    if (bytes.length % Type.BYTES_PER_ELEMENT !== 0) throw new RangeError('typed array bytes do not fit');
    // A copy into a fresh, aligned buffer.
    return new Type(bytes.slice().buffer);
  });
}
