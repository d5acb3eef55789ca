import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';
import { cells, encode, failure, generated, names, parse } from './parseTestHelpers';
import type { ParseProgress } from './types';
describe('parseCsv: headerless files', () => {
  it('reads Adult-like rows without a header', async () => {
    const p = await parse(
      '39, State-gov, 77516, Bachelors, 13, Never-married\n50, Self-emp-not-inc, 83311, Bachelors, 13, Married-civ-spouse\n',
    );
    expect(p.report.hasHeader).toBe(false);
    expect(names(p)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5', 'Column 6']);
    expect(cells(p.table.columns[1])).toEqual(['State-gov', 'Self-emp-not-inc']);
  });

  it('reads German-credit-like rows without a header', async () => {
    const p = await parse('A11,6,A34,1169\nA12,48,A32,5951\nA14,12,A34,2096\nA11,42,A32,7882\n');
    expect(p.report.hasHeader).toBe(false);
    expect(p.table.rowCount).toBe(4);
    expect(cells(p.table.columns[1])).toEqual([6, 48, 12, 42]);
  });

  it('reads the first 300 lines of UCI Adult: 15 columns, numeric age', async () => {
    const text = readFileSync(new URL('../../e2e/fixtures/headerless.csv', import.meta.url), 'utf8');
    const p = await parse(text);
    expect(p.report.hasHeader).toBe(false);
    expect(p.report.columnCount).toBe(15);
    expect(p.table.rowCount).toBe(300);
    expect(p.table.columns[0].storage).toBe('number');
    expect(p.kinds[0]).toBe('numeric');
    expect(p.report.missingMarkers['?']).toBeGreaterThan(0);
  });

  it('reads German credit: 21 columns without a header', async () => {
    const p = await parse(
      new Uint8Array(readFileSync(new URL('../../test/fixtures/german-raw.csv', import.meta.url))),
    );
    expect(p.report.hasHeader).toBe(false);
    expect(p.report.columnCount).toBe(21);
    expect(p.table.rowCount).toBe(1000);
  });
});

describe('parseCsv: refusals', () => {
  it('refuses a file with a header and no rows', async () => {
    expect(await failure('a,b,c\n')).toEqual({ code: 'no-rows' });
  });

  it('refuses an empty file', async () => {
    expect(await failure('')).toEqual({ code: 'empty-file' });
  });

  it('refuses a PNG image', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await failure(png)).toEqual({ code: 'binary-file', params: { format: 'PNG image' } });
  });

  it('refuses JSON', async () => {
    expect(await failure('[{"a":1},{"a":2}]')).toEqual({ code: 'json-file' });
  });

  it('refuses a file with a single column and names the delimiter it used', async () => {
    expect(await failure('name\nAnna\nBob\n')).toEqual({ code: 'one-column', params: { delimiter: ',' } });
  });
});

/** A CSV of `rows` rows: an id, a number, a category, a 0/1 flag, a zip code and quoted text every 50 rows. */

describe('parseCsv: large files, progress and cancellation', () => {
  it('parses 200,000 generated rows into typed columns', async () => {
    const p = await parse(generated(200_000));
    expect(p.table.rowCount).toBe(200_000);
    expect(p.table.columns.map((c) => c.storage)).toEqual([
      'number',
      'number',
      'category',
      'number',
      'category',
      'category',
    ]);
    expect(p.kinds.slice(0, 4)).toEqual(['identifier', 'numeric', 'categorical', 'boolean']);
    const value = p.table.columns[1];
    expect(value.storage === 'number' && value.values[199_999]).toBeCloseTo(74_000, 6);
    expect(cells(p.table.columns[5])[49]).toBe('line one\nline "two", 50');
    expect(p.report.raggedRows.short + p.report.raggedRows.long + p.report.malformedRows).toBe(0);
  });

  it('reads a quoted value longer than one slice of text', async () => {
    const long = 'word '.repeat(500_000);
    const p = await parse(`a,b\n1,"${long}\n${long}"\n2,x\n`);
    expect(p.table.rowCount).toBe(2);
    expect(cells(p.table.columns[1])[0]).toHaveLength(long.length * 2);
  });

  it('resizes column buffers with ArrayBuffer.transfer where the runtime has it', async () => {
    const proto = ArrayBuffer.prototype as ArrayBuffer & { transfer?: (n: number) => ArrayBuffer };
    const had = Object.getOwnPropertyDescriptor(proto, 'transfer');
    let calls = 0;
    proto.transfer = function (this: ArrayBuffer, n: number) {
      calls++;
      const out = new ArrayBuffer(n);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      structuredClone(this, { transfer: [this] });
      return out;
    };
    try {
      const p = await parse(generated(5000));
      expect(calls).toBeGreaterThan(0);
      expect(cells(p.table.columns[0])).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
      expect(cells(p.table.columns[2]).slice(0, 2)).toEqual(['Rome', 'Lima']);
    } finally {
      if (had) Object.defineProperty(proto, 'transfer', had);
      else delete proto.transfer;
    }
  });

  it('stops after maxRows data rows', async () => {
    const r = await parseCsv(encode(generated(1000)), {}, { maxRows: 10 });
    expect(r.ok && r.data.table.rowCount).toBe(10);
  });

  it('reports progress in bytes and finishes at the file size', async () => {
    const bytes = encode(generated(300_000));
    const seen: ParseProgress[] = [];
    await parseCsv(bytes, {}, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ bytesDone: bytes.length, bytesTotal: bytes.length, rows: 300_000 });
    expect(seen.every((p, i) => i === 0 || p.bytesDone >= seen[i - 1].bytesDone)).toBe(true);
  });

  it('returns cancelled when the signal is aborted while parsing', async () => {
    const controller = new AbortController();
    const bytes = encode(generated(400_000));
    const r = await parseCsv(bytes, {}, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(r).toEqual({ ok: false, reason: { code: 'cancelled' } });
  });

  it('returns cancelled at once for a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await parseCsv(encode('a,b\n1,2\n'), {}, { signal: controller.signal })).toEqual({
      ok: false,
      reason: { code: 'cancelled' },
    });
  });
});
