import { fail, ok, type Result } from '../core/result';
import type { TextEncoding } from './types';

/**
 * Bytes → text, refusing early what is clearly not a CSV (images, archives, JSON) so the user hears
 * "this is a PNG image" instead of seeing a table of garbage.
 */

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252. */
  fallback: boolean;
}

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
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, from + PROBE_BYTES), {
      stream: true,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes as UTF-8, or as Windows-1252 when the bytes are not valid UTF-8. The first 64 KB are probed so
 * that the common Latin-1 file is decoded once; only a file whose first invalid byte comes late pays twice.
 */
function decodeText(bytes: Uint8Array, from: number, forced?: TextEncoding): DecodedText {
  const body = bytes.subarray(from);
  const hadBom = from > 0;
  if (forced)
    return { text: new TextDecoder(forced).decode(body), encoding: forced, hadBom, fallback: false };
  if (probeIsUtf8(bytes, from)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      return { text, encoding: 'utf-8', hadBom, fallback: false };
    } catch {
      // An invalid byte after the probe: fall through to Windows-1252.
    }
  }
  return {
    text: new TextDecoder('windows-1252').decode(body),
    encoding: 'windows-1252',
    hadBom,
    fallback: true,
  };
}

/** Index of the first non-whitespace character; no regular expression, whose last match would pin the text. */
function firstNonSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** True when the text is JSON (or JSON Lines) rather than a table. */
export function looksLikeJson(text: string): boolean {
  const start = firstNonSpace(text);
  const first = text[start];
  if (first !== '{' && first !== '[') return false;
  if (text.length <= JSON_PARSE_LIMIT)
    return tryJson(text) || (first === '{' && tryJson(firstLine(text, start)));
  // Too large to parse whole: JSON Lines, or an opening `{` or `[{` says enough.
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

export function decodeBytes(
  bytes: Uint8Array,
  forced?: TextEncoding,
): Result<{ text: string; encoding: TextEncoding; hadBom: boolean; fallback: boolean }> {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 (Excel's "Unicode text") is not one of the encodings a session can record; ask for UTF-8.
    return fail('unreadable', { encoding: 'UTF-16' });
  }
  const from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (onlyWhitespace(bytes, from)) return fail('empty-file');
  const format = binaryFormat(bytes.subarray(from));
  if (format) return fail('binary-file', { format });
  const decoded = decodeText(bytes, from, forced);
  if (looksLikeJson(decoded.text)) return fail('json-file');
  return ok(decoded);
}
