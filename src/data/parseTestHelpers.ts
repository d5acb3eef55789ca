import { parseCsv } from './parse';
import type { Column, ParsedTable, ParseOptions } from './types';

/** Shared by the parser's test files: parse text or bytes and unwrap the result. */
export const encode = (text: string) => new TextEncoder().encode(text);

export async function parse(text: string | Uint8Array, options: ParseOptions = {}): Promise<ParsedTable> {
  const r = await parseCsv(typeof text === 'string' ? encode(text) : text, options);
  if (!r.ok) throw new Error(`parse failed: ${r.reason.code}`);
  return r.data;
}

export async function failure(text: string | Uint8Array, options: ParseOptions = {}) {
  const r = await parseCsv(typeof text === 'string' ? encode(text) : text, options);
  return r.ok ? null : r.reason;
}

/** A column's values as display strings, missing as null. */
export function cells(column: Column): (string | number | null)[] {
  if (column.storage === 'number') return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

export const names = (p: ParsedTable) => p.table.columns.map((c) => c.name);

export function generated(rows: number): string {
  const lines = ['id,value,city,flag,zip,note'];
  const cities = ['Oslo', 'Rome', 'Lima', 'Pune'];
  for (let i = 1; i <= rows; i++) {
    const note = i % 50 === 0 ? `"line one\nline ""two"", ${i}"` : `n${i % 7}`;
    lines.push(
      `${i},${(i * 0.37).toFixed(2)},${cities[i % 4]},${i % 2},${String(i % 1000).padStart(5, '0')},${note}`,
    );
  }
  return lines.join('\n') + '\n';
}
