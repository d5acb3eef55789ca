import { describe, expect, it } from 'vitest';
import { decodeBytes, looksLikeJson, NotUtf8Error, openText } from './decode';

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

describe('openText', () => {
  it('cuts pieces between characters, never inside one', () => {
    const text = 'é€😀a,b\n'.repeat(50);
    const r = openText(utf8(text));
    const pieces = r.ok ? Array.from(r.data.pieces(7), (p) => p.text) : [];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((p) => p.includes('\ufffd'))).toBe(false);
  });

  it('reports the bytes read with each piece and marks the last one', () => {
    const r = openText(utf8('a,b\n1,2\n'));
    const pieces = r.ok ? Array.from(r.data.pieces(4)) : [];
    expect(pieces.map((p) => [p.bytesDone, p.final])).toEqual([
      [4, false],
      [8, true],
    ]);
  });

  it('throws NotUtf8Error when an invalid byte comes after the probed start', () => {
    const big = new Uint8Array(70_000).fill(0x61);
    big[69_999] = 0xe9;
    const r = openText(big);
    expect(r.ok && r.data.encoding).toBe('utf-8');
    expect(() => r.ok && Array.from(r.data.pieces())).toThrow(NotUtf8Error);
  });

  it('gives the start of the text for sniffing', () => {
    const r = openText(utf8('a;b\n1;2\n'));
    expect(r.ok && r.data.head).toBe('a;b\n1;2\n');
  });
});
