/**
 * For tests and benchmarks in Node: a built-in sample read and parsed as the CLI reads it. Not imported by
 * the app.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import type { TableInput } from './types';

export async function loadTable(file: string): Promise<TableInput> {
  const parsed = await parseCsv(new Uint8Array(readFileSync(file)), {});
  if (!parsed.ok) throw new Error(`${file} did not parse: ${parsed.reason.code}`);
  return { table: parsed.data.table, kinds: parsed.data.kinds };
}
