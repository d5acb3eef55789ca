import { describe, expect, it } from 'vitest';
import { fromBlob, fromBytes, ReadError, type ByteSource } from './byteSource';
import { decodeBytes, looksLikeJson, NotUtf8Error, openText, type TextPiece } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const code = (r: ReturnType<typeof decodeBytes>) => (r.ok ? 'ok' : r.reason.code);

describe('decodeBytes', () => {
  it('decodes UTF-8 text as is', () => {
    const r = decodeBytes(utf8('naïve,ü\n1,2\n'));
    expect(r).toEqual({
      ok: true,
      data: { text: 'naïve,ü\n1,2\n', encoding: 'utf-8', hadBom: false, fallback: false },
    });
  });

  it('strips a UTF-8 byte order mark and reports it', () => {
    const r = decodeBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('a,b\r\n1,2')));
    expect(r.ok && r.data.text).toBe('a,b\r\n1,2');
    expect(r.ok && r.data.hadBom).toBe(true);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 and says it fell back', () => {
    const r = decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9));
    expect(r.ok && r.data).toEqual({ text: 'café', encoding: 'windows-1252', hadBom: false, fallback: true });
  });

  it('reads Windows-1252 punctuation such as the euro sign', () => {
    const r = decodeBytes(bytes(0x80, 0x31, 0x2c, 0x32));
    expect(r.ok && r.data.text).toBe('€1,2');
  });

  it('falls back even when the first invalid byte comes after the first 64 KB', () => {
    const big = new Uint8Array(70_000).fill(0x61);
    big[69_999] = 0xe9;
    const r = decodeBytes(big);
    expect(r.ok && r.data.fallback).toBe(true);
    expect(r.ok && r.data.text.endsWith('aé')).toBe(true);
  });

  it('uses a forced encoding without detection', () => {
    const r = decodeBytes(utf8('é'), 'windows-1252');
    expect(r.ok && r.data).toEqual({ text: 'Ã©', encoding: 'windows-1252', hadBom: false, fallback: false });
  });

  it('rejects an empty file', () => {
    expect(code(decodeBytes(bytes()))).toBe('empty-file');
  });

  it('rejects a file of only whitespace or only a byte order mark as empty', () => {
    expect(code(decodeBytes(utf8(' \r\n\t\n')))).toBe('empty-file');
    expect(code(decodeBytes(bytes(0xef, 0xbb, 0xbf)))).toBe('empty-file');
  });

  it('names a PNG image by its magic number', () => {
    const r = decodeBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0));
    expect(r).toEqual({ ok: false, reason: { code: 'binary-file', params: { format: 'PNG image' } } });
  });

  it('names PDF documents, Excel workbooks, GZIP archives and JPEG images', () => {
    const format = (r: ReturnType<typeof decodeBytes>) => (r.ok ? null : r.reason.params?.format);
    expect(format(decodeBytes(utf8('%PDF-1.7\n...')))).toBe('PDF document');
    expect(format(decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0)))).toBe(
      'ZIP archive or Excel workbook (.xlsx)',
    );
    expect(format(decodeBytes(bytes(0x1f, 0x8b, 8, 0)))).toBe('GZIP archive');
    expect(format(decodeBytes(bytes(0xff, 0xd8, 0xff, 0xe0)))).toBe('JPEG image');
  });

  it('rejects text containing NUL bytes as binary', () => {
    const r = decodeBytes(bytes(...utf8('a,b\n1,'), 0, ...utf8('2\n')));
    expect(r).toEqual({ ok: false, reason: { code: 'binary-file', params: { format: 'binary' } } });
  });

  it('rejects bytes with many control characters as binary', () => {
    const noisy = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x61));
    expect(code(decodeBytes(bytes(...noisy)))).toBe('binary-file');
  });

  it('accepts tabs, carriage returns and line feeds as text', () => {
    expect(code(decodeBytes(utf8('a\tb\r\n1\t2\r\n3\t4\r\n')))).toBe('ok');
  });

  it('rejects a JSON object or array', () => {
    expect(code(decodeBytes(utf8('  {"rows": [1, 2]}')))).toBe('json-file');
    expect(code(decodeBytes(utf8('[{"a": 1}, {"a": 2}]')))).toBe('json-file');
  });

  it('rejects JSON Lines', () => {
    expect(code(decodeBytes(utf8('{"a": 1}\n{"a": 2}\n')))).toBe('json-file');
  });

  it('accepts a CSV whose first cell starts with a bracket', () => {
    expect(code(decodeBytes(utf8('[id],[name]\n1,Ann\n')))).toBe('ok');
  });

  it('rejects UTF-16 files as unreadable', () => {
    expect(code(decodeBytes(bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0)))).toBe('unreadable');
    expect(code(decodeBytes(bytes(0xfe, 0xff, 0, 0x61)))).toBe('unreadable');
  });
});

describe('looksLikeJson', () => {
  it('is false for ordinary CSV text', () => {
    expect(looksLikeJson('a,b\n1,2')).toBe(false);
  });

  it('judges a large text by its opening when it is too big to parse', () => {
    const big = '{"a": "' + 'x'.repeat(6 * 1024 * 1024);
    expect(looksLikeJson(big)).toBe(true);
    expect(looksLikeJson('[{' + 'x'.repeat(6 * 1024 * 1024))).toBe(true);
    expect(looksLikeJson('[id],[name]\n' + '1,x\n'.repeat(2 * 1024 * 1024))).toBe(false);
  });
});

/** Every piece's text, from a source of the given bytes read in slices of `size` bytes. */
async function piecesOf(source: Uint8Array | ByteSource, size?: number) {
  const r = await openText(source instanceof Uint8Array ? fromBytes(source) : source);
  if (!r.ok) throw new Error(r.reason.code);
  const pieces: TextPiece[] = [];
  for await (const piece of r.data.pieces(size)) pieces.push(piece);
  return pieces;
}

describe('openText', () => {
  it('cuts pieces between characters, never inside one', async () => {
    const text = 'é€😀a,b\n'.repeat(50);
    const pieces = (await piecesOf(utf8(text), 7)).map((p) => p.text);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((p) => p.includes('\ufffd'))).toBe(false);
  });

  it('decodes characters of 2, 3 and 4 bytes cut at every position by a slice boundary', async () => {
    const text = 'aé张😀,b\n'.repeat(3);
    for (let size = 1; size <= 12; size++) {
      const pieces = await piecesOf(utf8(text), size);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
    }
  });

  it('reports the bytes read with each piece and marks the last one', async () => {
    const pieces = await piecesOf(utf8('a,b\n1,2\n'), 4);
    expect(pieces.map((p) => [p.bytesDone, p.final])).toEqual([
      [4, false],
      [8, true],
    ]);
  });

  it('reads a Blob in slices and gives the same text as the bytes', async () => {
    const text = 'word,n\n' + 'crème,1\n张三,2\n'.repeat(1000);
    const ranges: [number, number][] = [];
    const blob = new Blob([text]);
    const source = fromBlob(blob);
    const spy: ByteSource = { size: source.size, read: (a, b) => (ranges.push([a, b]), source.read(a, b)) };
    const pieces = await piecesOf(spy, 1000);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.at(-1)).toMatchObject({ bytesDone: blob.size, final: true });
    // The head (the whole file, as it is under 5 MB), then four pieces at a time.
    expect(ranges[0]).toEqual([0, blob.size]);
    expect(ranges.slice(1).every(([a, b]) => b - a <= 4000)).toBe(true);
    expect(ranges.length).toBeGreaterThan(blob.size / 4000);
  });

  it('reads only the start of a large file to check it', async () => {
    const ranges: [number, number][] = [];
    const big = fromBytes(utf8('a,b\n' + '1,2\n'.repeat(1_500_000)));
    const spy: ByteSource = { size: big.size, read: (a, b) => (ranges.push([a, b]), big.read(a, b)) };
    const r = await openText(spy);
    expect(r.ok && r.data.bodyBytes).toBe(6_000_004);
    expect(ranges).toEqual([[0, 64 * 1024 + 3]]);
  });

  it('throws NotUtf8Error when an invalid byte comes after the probed start', async () => {
    const big = new Uint8Array(70_000).fill(0x61);
    big[69_999] = 0xe9;
    const r = await openText(fromBytes(big));
    expect(r.ok && r.data.encoding).toBe('utf-8');
    await expect(piecesOf(big, 1024)).rejects.toThrow(NotUtf8Error);
  });

  it('throws ReadError, holding the reader error, when a slice cannot be read', async () => {
    const good = fromBytes(utf8('a,b\n' + '1,2\n'.repeat(100)));
    const gone = new DOMException('file changed', 'NotReadableError');
    const broken: ByteSource = {
      size: good.size,
      read: (a, b) => (a > 0 ? Promise.reject(gone) : good.read(a, b)),
    };
    const error = await piecesOf(broken, 64).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).cause).toBe(gone);
  });

  it('reads past the start to tell a long blank file from one with text after its blank start', async () => {
    const blank = new Uint8Array(200_000).fill(0x20);
    const r = await openText(fromBytes(blank));
    expect(r.ok ? 'ok' : r.reason.code).toBe('empty-file');
    blank[150_000] = 0x61;
    expect((await openText(fromBytes(blank))).ok).toBe(true);
  });

  it('gives the start of the text for sniffing', async () => {
    const r = await openText(fromBytes(utf8('a;b\n1;2\n')));
    expect(r.ok && r.data.head).toBe('a;b\n1;2\n');
  });
});
