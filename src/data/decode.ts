import { fail, ok, type Result } from '../core/result';
import { readAhead, type ByteSource } from './byteSource';
import { NotUtf8Error, SliceDecoder } from './sliceDecoder';
import type { TextEncoding } from './types';

/**
 * Bytes → text, read a slice at a time, refusing early what is clearly not a CSV (images, archives, JSON)
 * so the user hears "this is a PNG image" instead of seeing a table of garbage.
 */

/** Only this much of the start is inspected for binary content and invalid UTF-8. */
const PROBE_BYTES = 64 * 1024;
/** JSON.parse on the whole text is only worth trying on small inputs. */
const JSON_PARSE_LIMIT = 5 * 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

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

export { NotUtf8Error };

export interface TextPiece {
  text: string;
  /** Bytes of the file read so far, for progress. */
  bytesDone: number;
  final: boolean;
}

/**
 * A file's text, read and decoded piece by piece so that neither the whole text nor the file's whole
 * bytes need to be in memory at once (a 100 MB file would otherwise cost 100–200 MB more while parsed).
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
  /**
   * The text in pieces of `pieceBytes` bytes (a piece may carry up to 3 bytes of the one before), read a
   * few pieces at a time; throws NotUtf8Error on a late invalid byte, ReadError when a read fails.
   */
  pieces(pieceBytes?: number): AsyncGenerator<TextPiece>;
}

/** The file is read and decoded in slices of this many bytes. */
const PIECE_BYTES = 1 << 20;

/**
 * Slices are read from the file this many pieces at a time: each read of a Blob is a round trip to the
 * browser's file reader (100 reads of 1 MB take about 0.7 s in Chromium, 25 reads of 4 MB about 0.4 s).
 */
const PIECES_PER_READ = 4;

/**
 * Reads the source from `from` and decodes it in pieces of `size` bytes. The next slice is read while the
 * current one is decoded and parsed, so waiting for the file overlaps with work.
 */
async function* decodePieces(
  source: ByteSource,
  from: number,
  encoding: TextEncoding,
  strict: boolean,
  size = PIECE_BYTES,
): AsyncGenerator<TextPiece> {
  const decoder = new SliceDecoder(encoding, strict);
  const readBytes = size * PIECES_PER_READ;
  let next = readAhead(source, from, from + readBytes);
  for (let at = from; at < source.size; at += readBytes) {
    const slice = await next;
    if (at + readBytes < source.size) next = readAhead(source, at + readBytes, at + 2 * readBytes);
    for (let p = 0; p < slice.length; p += size) {
      const end = at + Math.min(slice.length, p + size);
      const final = end === source.size;
      yield { text: decoder.decode(slice.subarray(p, p + size), final), bytesDone: end, final };
    }
  }
}

/** Bytes read first: the whole file up to 5 MB (for the JSON check), else the probed start. */
const headEnd = (size: number): number =>
  size <= JSON_PARSE_LIMIT + BOM.length ? size : PROBE_BYTES + BOM.length;

const bomLength = (bytes: Uint8Array): number => (startsWith(bytes, BOM) ? BOM.length : 0);

/** True when the bytes after the head hold nothing but whitespace (read only on a blank head). */
async function restIsBlank(source: ByteSource, from: number): Promise<boolean> {
  for (let at = from; at < source.size; at += PIECE_BYTES) {
    const slice = await source.read(at, Math.min(source.size, at + PIECE_BYTES));
    if (!onlyWhitespace(slice, 0)) return false;
  }
  return true;
}

type Inspected = Omit<TextStream, 'pieces'> & { strict: boolean };

/**
 * Checks a file by its first bytes (empty, binary, UTF-16, JSON) and picks the encoding: UTF-8 when the
 * first 64 KB are valid UTF-8, else Windows-1252 (a superset of Latin-1). `head` is the file's first
 * `headEnd(size)` bytes; `blank` says whether everything after the byte order mark is whitespace.
 */
function inspect(head: Uint8Array, size: number, blank: boolean, forced?: TextEncoding): Result<Inspected> {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    // UTF-16 (Excel's "Unicode text") is not one of the encodings a session can record; ask for UTF-8.
    return fail('unreadable', { encoding: 'UTF-16' });
  }
  if (blank) return fail('empty-file');
  const from = bomLength(head);
  const format = binaryFormat(head.subarray(from));
  if (format) return fail('binary-file', { format });
  const encoding = forced ?? (probeIsUtf8(head, from) ? 'utf-8' : 'windows-1252');
  const bodyBytes = size - from;
  const headBytes = bodyBytes <= JSON_PARSE_LIMIT ? bodyBytes : PROBE_BYTES;
  const headText = new SliceDecoder(encoding, false).decode(head.subarray(from, from + headBytes), true);
  if (looksLikeJson(headText, bodyBytes)) return fail('json-file');
  return ok({
    encoding,
    hadBom: from > 0,
    fallback: !forced && encoding === 'windows-1252',
    head: headText.slice(0, PROBE_BYTES),
    bytesPerChar: headBytes / Math.max(1, headText.length),
    bodyBytes,
    strict: !forced && encoding === 'utf-8',
  });
}

/**
 * Opens a file for reading as text: reads and checks its start (see `inspect`); the rest is read and
 * decoded slice by slice in `pieces()`. Throws what the source's read throws for the start.
 */
export async function openText(source: ByteSource, forced?: TextEncoding): Promise<Result<TextStream>> {
  const head = await source.read(0, headEnd(source.size));
  const from = bomLength(head);
  const blank = onlyWhitespace(head, from) && (await restIsBlank(source, head.length));
  const inspected = inspect(head, source.size, blank, forced);
  if (!inspected.ok) return inspected;
  const { strict, ...stream } = inspected.data;
  return ok({
    ...stream,
    pieces: (size?: number) => decodePieces(source, from, stream.encoding, strict, size),
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
  const from = bomLength(bytes);
  const inspected = inspect(bytes, bytes.length, onlyWhitespace(bytes, from), forced);
  if (!inspected.ok) return inspected;
  const { encoding, hadBom, fallback, strict } = inspected.data;
  const body = bytes.subarray(from);
  try {
    return ok({ text: new SliceDecoder(encoding, strict).decode(body, true), encoding, hadBom, fallback });
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const text = new SliceDecoder('windows-1252', false).decode(body, true);
    return ok({ text, encoding: 'windows-1252', hadBom, fallback: true });
  }
}
