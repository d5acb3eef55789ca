import { fail, ok, type Result } from '../core/result';
import type { TextEncoding } from './types';

/**
 * Bytes → text, refusing early what is clearly not a CSV (images, archives, JSON) so the user hears
 * "this is a PNG image" instead of seeing a table of garbage.
 */

/** Only this much of the start is inspected for binary content and invalid UTF-8. */
const PROBE_BYTES = 64 * 1024;
/** JSON.parse on the whole text is only worth trying on small inputs. */
const JSON_PARSE_LIMIT = 5 * 1024 * 1024;

const MAGIC: { bytes: number[]; format: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'PNG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], format: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP archive or Excel workbook (.xlsx)' },
  { bytes: [0x1f, 0x8b], format: 'GZIP archive' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], format: 'Excel 97-2003 workbook (.xls)' },
  { bytes: [0x50, 0x41, 0x52, 0x31], format: 'Parquet file' },
];

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const isSpaceByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** A format name when the bytes look binary, else null. */
export function binaryFormat(bytes: Uint8Array): string | null {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return magic.format;
  const end = Math.min(bytes.length, PROBE_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) control++;
  }
  return control > end * 0.1 ? 'binary' : null;
}

/** True when nothing but whitespace follows `from` (stops at the first other byte, so cheap on real files). */
function onlyWhitespace(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (!isSpaceByte(bytes[i])) return false;
  return true;
}

/** True when the first 64 KB are valid UTF-8; a character cut at the probe's end is not an error. */
function probeIsUtf8(bytes: Uint8Array, from: number): boolean {
  try {
    const probe = bytes.subarray(from, from + PROBE_BYTES);
    new TextDecoder('utf-8', { fatal: true }).decode(probe, { stream: true });
    return true;
  } catch {
    return false;
  }
}

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

/** Thrown by TextStream.pieces() when bytes past the probe turn out not to be UTF-8. */
export class NotUtf8Error extends Error {}

export interface TextPiece {
  text: string;
  /** Bytes of the file read so far, for progress. */
  bytesDone: number;
  final: boolean;
}

/**
 * A file's text, decoded piece by piece so that the whole text never needs to be in memory at once
 * (a 100 MB file would otherwise cost 100–200 MB more while it is parsed).
 */
export interface TextStream {
  encoding: TextEncoding;
  hadBom: boolean;
  /** True when the bytes were not valid UTF-8 and are read as Windows-1252. */
  fallback: boolean;
  /** The first 64 KB or so, for sniffing. */
  head: string;
  /** Bytes per character in the head, to turn character counts into byte counts. */
  bytesPerChar: number;
  /** Bytes after the byte order mark. */
  bodyBytes: number;
  /** The text in pieces of about `pieceBytes` bytes; throws NotUtf8Error on a late invalid byte. */
  pieces(pieceBytes?: number): Generator<TextPiece>;
}

/**
 * Decodes piece by piece. Each piece ends before a byte that starts a character, so it can be decoded on
 * its own: TextDecoder's streaming mode would do that too, but in Node it returns two-byte strings, which
 * double the memory of ASCII text and slow every later string operation.
 */
function* decodePieces(
  bytes: Uint8Array,
  from: number,
  encoding: TextEncoding,
  strict: boolean,
  size = 1 << 20,
) {
  const decoder = new TextDecoder(encoding, { fatal: strict });
  for (let at = from; at < bytes.length;) {
    let end = Math.min(bytes.length, at + size);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end++; // a UTF-8 continuation byte
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, end));
    } catch {
      throw new NotUtf8Error('not UTF-8');
    }
    yield {
      text: encoding === 'windows-1252' ? fixWindows1252(text) : text,
      bytesDone: end,
      final: end === bytes.length,
    };
    at = end;
  }
}

/**
 * Checks the bytes (empty, binary, UTF-16, JSON) and picks the encoding: UTF-8 when the first 64 KB are
 * valid UTF-8, else Windows-1252 (a superset of Latin-1). Decoding itself happens in `pieces()`.
 */
export function openText(bytes: Uint8Array, forced?: TextEncoding): Result<TextStream> {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 (Excel's "Unicode text") is not one of the encodings a session can record; ask for UTF-8.
    return fail('unreadable', { encoding: 'UTF-16' });
  }
  const from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (onlyWhitespace(bytes, from)) return fail('empty-file');
  const format = binaryFormat(bytes.subarray(from));
  if (format) return fail('binary-file', { format });
  const encoding = forced ?? (probeIsUtf8(bytes, from) ? 'utf-8' : 'windows-1252');
  const strict = !forced && encoding === 'utf-8';
  const bodyBytes = bytes.length - from;
  const headBytes = bodyBytes <= JSON_PARSE_LIMIT ? bodyBytes : PROBE_BYTES;
  const head = decodePieces(bytes.subarray(0, from + headBytes), from, encoding, false, headBytes).next();
  const headText = head.done ? '' : head.value.text;
  if (looksLikeJson(headText, bodyBytes)) return fail('json-file');
  return ok({
    encoding,
    hadBom: from > 0,
    fallback: !forced && encoding === 'windows-1252',
    head: headText.slice(0, PROBE_BYTES),
    bytesPerChar: headBytes / Math.max(1, headText.length),
    bodyBytes,
    pieces: (size?: number) => decodePieces(bytes, from, encoding, strict, size),
  });
}

/** Index of the first non-whitespace character; no regular expression, whose last match would pin the text. */
function firstNonSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/**
 * True when the text is JSON (or JSON Lines) rather than a table. `text` is the whole file when it is at
 * most 5 MB; beyond that it is the start, and an opening `{` or `[{` says enough.
 */
export function looksLikeJson(text: string, totalBytes = text.length): boolean {
  const start = firstNonSpace(text);
  const first = text[start];
  if (first !== '{' && first !== '[') return false;
  if (totalBytes <= JSON_PARSE_LIMIT)
    return tryJson(text) || (first === '{' && tryJson(firstLine(text, start)));
  return first === '{' || '[{"'.includes(text[firstNonSpace(text, start + 1)] ?? 'x');
}

function firstLine(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? Math.min(text.length, PROBE_BYTES) : end);
}

function tryJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The whole text at once (for small inputs and tests; parsing uses openText's pieces). */
export function decodeBytes(
  bytes: Uint8Array,
  forced?: TextEncoding,
): Result<{ text: string; encoding: TextEncoding; hadBom: boolean; fallback: boolean }> {
  const opened = openText(bytes, forced);
  if (!opened.ok) return opened;
  const { encoding, hadBom, fallback } = opened.data;
  try {
    const text = Array.from(opened.data.pieces(), (p) => p.text).join('');
    return ok({ text, encoding, hadBom, fallback });
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const again = openText(bytes, 'windows-1252');
    if (!again.ok) return again;
    const text = Array.from(again.data.pieces(), (p) => p.text).join('');
    return ok({ text, encoding: 'windows-1252', hadBom, fallback: true });
  }
}
