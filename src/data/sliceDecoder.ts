import type { TextEncoding } from './types';

/**
 * Decodes a file's bytes slice by slice into whole characters, strictly (a byte that is not UTF-8 throws
 * NotUtf8Error) or leniently.
 */

/** Windows-1252's characters for bytes 0x80–0x9F (the five unassigned bytes keep their code). */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * Node's TextDecoder reads 'windows-1252' as Latin-1, leaving bytes 0x80–0x9F as control characters where
 * browsers give `€`, `’`, `…`. This puts the Windows-1252 characters back (and finds nothing in a browser).
 */
function fixWindows1252(text: string): string {
  if (!/[\x80-\x9f]/.test(text)) return text;
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Thrown by a strict SliceDecoder (so by TextStream.pieces()) on bytes that are not UTF-8. */
export class NotUtf8Error extends Error {}

/** How many bytes the UTF-8 character starting with `lead` has (1 for a byte that cannot start one). */
const charLength = (lead: number): number => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);

/**
 * Decodes a file's slices one after another. When a slice ends inside a UTF-8 character, the character's
 * first bytes are held back and decoded with the next slice, so every call decodes whole characters on its
 * own. TextDecoder's streaming mode would do that too, but in Node it returns two-byte strings, which double
 * the memory of ASCII text and slow every later string operation.
 */
export class SliceDecoder {
  private held: Uint8Array | null = null;
  private readonly decoder: TextDecoder;

  constructor(
    private readonly encoding: TextEncoding,
    strict: boolean,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: strict });
  }

  decode(slice: Uint8Array, last: boolean): string {
    let bytes = slice;
    if (this.held) {
      bytes = new Uint8Array(this.held.length + slice.length);
      bytes.set(this.held);
      bytes.set(slice, this.held.length);
      this.held = null;
    }
    const end = last || this.encoding !== 'utf-8' ? bytes.length : completeEnd(bytes);
    if (end < bytes.length) this.held = bytes.slice(end);
    let text: string;
    try {
      text = this.decoder.decode(end < bytes.length ? bytes.subarray(0, end) : bytes);
    } catch {
      throw new NotUtf8Error('not UTF-8');
    }
    return this.encoding === 'windows-1252' ? fixWindows1252(text) : text;
  }
}

/**
 * The end of the last whole UTF-8 character: the bytes' length, or where a character cut off by the end
 * starts. Looks back at most 4 bytes; further back the bytes are not UTF-8, and the decoder reports them.
 */
function completeEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 4; i--) {
    if ((bytes[i] & 0xc0) === 0x80) continue; // a continuation byte
    return i + charLength(bytes[i]) > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}
