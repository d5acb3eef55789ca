import Papa from 'papaparse';
import { fail, ok, type Result } from '../core/result';
import { decodeBytes } from './decode';
import { inferKinds } from './infer';
import { detach, isMissingMarker, parseNumber, sniff, type Sniffed } from './sniff';
import type { Column, ParsedTable, ParseOptions, ParseProgress, ParseReport } from './types';

/**
 * CSV bytes → typed, column-wise Table. Rows are never kept: each cell goes straight into its column's
 * builder, so memory stays near the size of the file (the target is 1M rows × 12 columns in a worker).
 */

export interface ParseHooks {
  onProgress?: (p: ParseProgress) => void;
  signal?: AbortSignal;
  /** Stop after this many data rows (previews, tests). */
  maxRows?: number;
}

/** The text goes to papaparse in slices of this many characters; we may yield to the event loop between them. */
const CHUNK_CHARS = 1 << 20;
/** Yield at most this often, so a cancel message is heard quickly without paying a timer per slice. */
const YIELD_MS = 40;
/** A numeric column remembers how each number was written only for this many distinct values. */
const SPELLING_CAP = 4096;
const PREVIEW_ROWS = 10;
const RAGGED_LINES_KEPT = 5;

/**
 * One column while parsing. It stays numeric (a Float64Array, NaN = missing) until a cell that is not a
 * number arrives, then turns into dictionary codes for good. A numeric column does not keep a dictionary;
 * it only remembers the written form of its first SPELLING_CAP distinct numbers (so `1.50` stays `1.50` if
 * the column turns out to be text). Past that cap, numbers are turned back into strings with String(),
 * which can change their spelling; a column with thousands of distinct numbers and then text is rare.
 */
class ColumnBuilder {
  length = 0;
  private present = 0;
  private capacity: number;
  private nums: Float64Array | null;
  private spellings: Map<number, string> | null = new Map();
  private codes = new Int32Array(0);
  private readonly dict = new Map<string, number>();
  private readonly entries: string[] = [];

  constructor(
    capacity: number,
    private readonly decimalComma: boolean,
  ) {
    this.capacity = capacity;
    this.nums = new Float64Array(capacity);
  }

  /** Adds a trimmed, non-missing cell. */
  push(cell: string): void {
    if (this.length === this.capacity) this.grow();
    this.present++;
    if (this.nums) {
      const x = parseNumber(cell, this.decimalComma);
      if (x === x) {
        this.nums[this.length++] = x;
        if (this.spellings && !this.spellings.has(x)) this.remember(x, detach(cell));
        return;
      }
      this.toCategory();
    }
    this.codes[this.length++] = this.code(cell);
  }

  pushMissing(): void {
    if (this.length === this.capacity) this.grow();
    if (this.nums) this.nums[this.length++] = NaN;
    else this.codes[this.length++] = -1;
  }

  finish(name: string): Column {
    const n = this.length;
    if (this.nums && this.present > 0) {
      return { storage: 'number', name, values: n === this.capacity ? this.nums : this.nums.slice(0, n) };
    }
    // A column with no value at all becomes an empty category column rather than a column of NaN.
    const codes = this.nums
      ? new Int32Array(n).fill(-1)
      : n === this.capacity
        ? this.codes
        : this.codes.slice(0, n);
    return { storage: 'category', name, codes, dictionary: this.entries };
  }

  private remember(x: number, cell: string): void {
    if (this.spellings!.size >= SPELLING_CAP) this.spellings = null;
    else this.spellings!.set(x, cell);
  }

  private code(value: string): number {
    let c = this.dict.get(value);
    if (c === undefined) {
      c = this.entries.length;
      const own = detach(value);
      this.dict.set(own, c);
      this.entries.push(own);
    }
    return c;
  }

  private toCategory(): void {
    const nums = this.nums!;
    this.codes = new Int32Array(this.capacity);
    for (let i = 0; i < this.length; i++) {
      const x = nums[i];
      this.codes[i] = x !== x ? -1 : this.code(this.spellings?.get(x) ?? this.spell(x));
    }
    this.nums = null;
    this.spellings = null;
  }

  private spell(x: number): string {
    return this.decimalComma ? String(x).replace('.', ',') : String(x);
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5) + 1024;
    if (this.nums) {
      const next = new Float64Array(this.capacity);
      next.set(this.nums.subarray(0, this.length));
      this.nums = next;
    } else {
      const next = new Int32Array(this.capacity);
      next.set(this.codes.subarray(0, this.length));
      this.codes = next;
    }
  }
}

/** Trimmed, unique column names: empty ones become `Column N`, repeats `name (2)`, `name (3)`. */
export function uniqueNames(raw: string[]): {
  names: string[];
  duplicateNames: ParseReport['duplicateNames'];
  unnamedColumns: number;
} {
  let unnamedColumns = 0;
  const base = raw.map((r, i) => {
    const name = detach(r.trim());
    if (name !== '') return name;
    unnamedColumns++;
    return `Column ${i + 1}`;
  });
  const taken = new Set(base);
  const seen = new Map<string, string[]>();
  const names = base.map((name) => {
    const renamed = seen.get(name);
    if (!renamed) return (seen.set(name, []), name);
    let k = renamed.length + 2;
    while (taken.has(`${name} (${k})`)) k++;
    const unique = `${name} (${k})`;
    taken.add(unique);
    renamed.push(unique);
    return unique;
  });
  const duplicateNames = [...seen]
    .filter(([, r]) => r.length > 0)
    .map(([name, renamedTo]) => ({ name, renamedTo }));
  return { names, duplicateNames, unnamedColumns };
}

const countOf = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** True for a row with nothing but whitespace (a blank line, or `,,,`); such rows are skipped. */
function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].length > 0 && fields[i].trim() !== '') return false;
  return true;
}

/** Where the rows of one slice start in the file, so a ragged row can be reported by its line number. */
interface SliceLines {
  firstLine: number;
  /** Whether fields may hold line breaks (only possible when the slice has a quote). */
  quoted: boolean;
}

/** Receives papaparse's rows one slice at a time and feeds the column builders. */
class TableSink {
  rows = 0;
  builders: ColumnBuilder[] = [];
  header: ReturnType<typeof uniqueNames> | null = null;
  readonly preview: string[][] = [];
  readonly ragged = { short: 0, long: 0, firstLineNumbers: [] as number[] };
  malformedRows = 0;
  readonly markers: Record<string, number> = {};
  private started = false;

  constructor(
    private readonly textLength: number,
    private readonly sniffed: Sniffed,
    private readonly maxRows: number,
  ) {}

  /** Whether ragged rows still need line numbers (so slices must keep counting lines). */
  get countingLines(): boolean {
    return this.ragged.firstLineNumbers.length < RAGGED_LINES_KEPT;
  }

  /** Adds a slice's rows; returns false once maxRows data rows are in. */
  addSlice(rows: string[][], lines: SliceLines): boolean {
    let lineRow = 0;
    let line = lines.firstLine;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r];
      if (isBlank(fields)) continue;
      if (!this.started) {
        this.start(fields);
        if (this.sniffed.hasHeader) continue;
      }
      if (fields.length !== this.builders.length) {
        // Line numbers are worked out only here, for the few ragged rows that are reported.
        for (; lineRow < r; lineRow++)
          line += 1 + (lines.quoted ? countOf(rows[lineRow].join(''), this.sniffed.newline) : 0);
        this.noteRagged(fields.length, line);
      }
      this.addRow(fields);
      if (++this.rows >= this.maxRows) return false;
    }
    return true;
  }

  columns(): Column[] {
    const names = this.header?.names ?? this.builders.map((_, i) => `Column ${i + 1}`);
    return this.builders.map((b, i) => b.finish(names[i]));
  }

  private addRow(fields: string[]): void {
    const builders = this.builders;
    const shown: string[] | null = this.rows < PREVIEW_ROWS ? [] : null;
    for (let c = 0; c < builders.length; c++) {
      let cell = '';
      if (c >= fields.length) builders[c].pushMissing();
      else if (isMissingMarker((cell = fields[c].trim()))) {
        this.markers[cell] = (this.markers[cell] ?? 0) + 1;
        builders[c].pushMissing();
        cell = '';
      } else builders[c].push(cell);
      shown?.push(detach(cell));
    }
    if (shown) this.preview.push(shown);
  }

  private start(fields: string[]): void {
    this.started = true;
    if (this.sniffed.hasHeader) this.header = uniqueNames(fields);
    const rows = Math.ceil((this.textLength / this.sniffed.meanLineLength) * 1.05) + 16;
    // Never reserve more cells than the text could hold (each needs a character and a delimiter).
    const cellBound = Math.ceil(this.textLength / (2 * fields.length)) + 16;
    const capacity = Math.min(rows, cellBound, this.maxRows + 1);
    this.builders = fields.map(() => new ColumnBuilder(capacity, this.sniffed.decimalComma));
  }

  private noteRagged(fieldCount: number, line: number): void {
    if (fieldCount < this.builders.length) this.ragged.short++;
    else this.ragged.long++;
    if (this.countingLines) this.ragged.firstLineNumbers.push(line);
  }
}

/** The end of the slice starting at `from`: just after the first line break past `from + size`. */
function sliceEnd(input: string, from: number, size: number, newline: string): number {
  if (from + size >= input.length) return input.length;
  const nl = input.indexOf(newline, from + size);
  return nl < 0 ? input.length : nl + 1;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Feeds the text to papaparse in line-aligned slices, yielding to the event loop between slices so that a
 * worker hears a cancel message. papaparse's own pause/resume is not used: on a string it re-splits the
 * whole remaining text at every resume when the text has no quotes, which is quadratic on a 100 MB file.
 * Each slice's rows exist only while the slice is added to the columns (about a megabyte of text).
 */
async function streamRows(
  input: string,
  sniffed: Sniffed,
  sink: TableSink,
  hooks: ParseHooks,
  bytes: number,
) {
  const charsToBytes = bytes / Math.max(1, sniffed.dataStart + input.length);
  let lastYield = performance.now();
  let pos = 0;
  let size = CHUNK_CHARS;
  let firstLine = sniffed.linesBefore + 1;
  while (pos < input.length) {
    const end = sliceEnd(input, pos, size, sniffed.newline);
    const slice = input.substring(pos, end);
    const result = Papa.parse<string[]>(slice, {
      delimiter: sniffed.delimiter,
      newline: sniffed.newline,
      quoteChar: '"',
      header: false,
      // Blank lines are skipped by the sink: papaparse's 'greedy' joins every row to test it, and keeping
      // them lets the sink count lines.
      skipEmptyLines: false,
    });
    // A slice that ends inside a quoted field (a line break in a value): retry with a larger slice.
    if (end < input.length && result.errors.some((e) => e.code === 'MissingQuotes')) {
      size *= 2;
      continue;
    }
    sink.malformedRows += new Set(result.errors.map((e) => e.row)).size;
    const quoted = slice.includes('"');
    if (!sink.addSlice(result.data, { firstLine, quoted }) || end === input.length) return 'done';
    if (sink.countingLines) firstLine += countOf(slice, sniffed.newline);
    pos = end;
    size = CHUNK_CHARS;
    if (performance.now() - lastYield < YIELD_MS) continue;
    const bytesDone = Math.min(bytes, Math.round((sniffed.dataStart + pos) * charsToBytes));
    hooks.onProgress?.({ bytesDone, bytesTotal: bytes, rows: sink.rows });
    await nextTask();
    lastYield = performance.now();
    if (hooks.signal?.aborted) return 'cancelled';
  }
  return 'done';
}

/**
 * V8 remembers the subject of the last successful regular expression match (for RegExp.$_). When that
 * subject is the file's text, or a cell cut from it, the whole text stays in memory after parsing; a
 * match on a tiny string replaces it.
 */
const forgetLastRegExpSubject = (): boolean => /^$/.test('');

/** Decodes, sniffs and streams the rows into a sink; the text is dropped when this returns. */
async function readRows(bytes: Uint8Array, options: ParseOptions, hooks: ParseHooks) {
  const decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) return decoded;
  const { text, ...source } = decoded.data;
  const sniffed = sniff(text, options);
  const input = sniffed.dataStart > 0 ? text.slice(sniffed.dataStart) : text;
  const sink = new TableSink(input.length, sniffed, hooks.maxRows ?? Infinity);
  try {
    if ((await streamRows(input, sniffed, sink, hooks, bytes.length)) === 'cancelled')
      return fail('cancelled');
  } catch {
    return fail('parse-failed');
  }
  return ok({ sink, sniffed, source });
}

export async function parseCsv(
  bytes: Uint8Array,
  options: ParseOptions,
  hooks: ParseHooks = {},
): Promise<Result<ParsedTable>> {
  if (hooks.signal?.aborted) return fail('cancelled');
  const read = await readRows(bytes, options, hooks);
  if (!read.ok) return read;
  const { sink, sniffed, source } = read.data;
  hooks.onProgress?.({ bytesDone: bytes.length, bytesTotal: bytes.length, rows: sink.rows });
  if (sink.rows === 0) return fail('no-rows');
  if (sink.builders.length === 1) return fail('one-column', { delimiter: sniffed.delimiter });
  const table = { rowCount: sink.rows, columns: sink.columns() };
  const report: ParseReport = {
    bytes: bytes.length,
    encoding: source.encoding,
    encodingFallback: source.fallback,
    hadBom: source.hadBom,
    delimiter: sniffed.delimiter,
    delimiterSource: sniffed.delimiterSource,
    decimalComma: sniffed.decimalComma,
    hasHeader: sniffed.hasHeader,
    headerSource: sniffed.headerSource,
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    duplicateNames: sink.header?.duplicateNames ?? [],
    unnamedColumns: sink.header?.unnamedColumns ?? 0,
    raggedRows: sink.ragged,
    malformedRows: sink.malformedRows,
    missingMarkers: sink.markers,
  };
  const kinds = inferKinds(table);
  forgetLastRegExpSubject();
  return ok({ table, kinds, report, preview: sink.preview });
}
