import Papa from 'papaparse';
import { fail, ok, type Result } from '../core/result';
import { NotUtf8Error, openText, type TextStream } from './decode';
import { inferKinds } from './infer';
import { detach, isMissingMarker, parseNumber, sniff, uniqueNames, type Sniffed } from './sniff';
import type { Column, ParsedTable, ParseOptions, ParseProgress, ParseReport } from './types';

/**
 * CSV bytes → typed, column-wise Table (the target: 100 MB, 1M rows × 12 columns in a worker, under 6 s and
 * 3× the file size). The text is decoded a megabyte at a time and rows are never kept: each cell goes
 * straight into its column's builder, so memory stays near the bytes plus the finished columns.
 */

export interface ParseHooks {
  onProgress?: (p: ParseProgress) => void;
  signal?: AbortSignal;
  /** Stop after this many data rows (previews, tests). */
  maxRows?: number;
}

/** The file is decoded and parsed in pieces of this many bytes; we may yield to the event loop between them. */
const PIECE_BYTES = 1 << 20;
/** Yield at most this often, so a cancel message is heard quickly without paying a timer per slice. */
const YIELD_MS = 40;
/** A numeric column remembers how each number was written only for this many distinct values. */
const SPELLING_CAP = 4096;
const PREVIEW_ROWS = 10;
/** Up to this many distinct values, a lookup compares strings instead of hashing. */
const SMALL_DICTIONARY = 8;
const RAGGED_LINES_KEPT = 5;

type Resizable = ArrayBuffer & { transfer?: (byteLength: number) => ArrayBuffer };

/**
 * The array with exactly `length` elements, keeping the values that fit. ArrayBuffer.transfer (ES2024;
 * browsers, Node 21+) frees the old buffer at once, often growing or shrinking it in place; copying
 * instead leaves the old buffer to the garbage collector, so a column briefly exists twice.
 */
function resized(array: Float64Array, length: number): Float64Array;
function resized(array: Int32Array, length: number): Int32Array;
function resized(array: Float64Array | Int32Array, length: number): Float64Array | Int32Array {
  if (array.length === length) return array;
  const buffer = array.buffer as Resizable;
  const float = array instanceof Float64Array;
  if (buffer.transfer) {
    const moved = buffer.transfer(length * array.BYTES_PER_ELEMENT);
    return float ? new Float64Array(moved) : new Int32Array(moved);
  }
  if (length < array.length) return array.slice(0, length);
  const next = float ? new Float64Array(length) : new Int32Array(length);
  next.set(array);
  return next;
}

/**
 * One column while parsing. It stays numeric (a Float64Array, NaN = missing) until a cell that is not a
 * number arrives, then turns into dictionary codes for good. A numeric column does not keep a dictionary
 * (a million distinct numbers would mean a million strings); while it has at most SPELLING_CAP distinct
 * numbers it remembers how each was written, so `1.50` stays `1.50` if text turns up later. Past the cap it
 * forgets them all, and a later turn to text writes every number with String() (`1.50` becomes `1.5`);
 * thousands of distinct numbers followed by text is rare, and then one consistent spelling is better.
 */
class ColumnBuilder {
  length = 0;
  private present = 0;
  private capacity: number;
  private nums: Float64Array | null;
  private spellings: Map<number, string> | null = new Map();
  private codes: Int32Array = new Int32Array(0);
  /**
   * Dictionary codes, one Map per value length. V8's Map slows down badly on many similar keys such as
   * `needs review 520` (3x on a 10,000-value text column); splitting by length keeps each Map small.
   */
  private readonly dicts: Map<string, number>[] = [];
  private readonly entries: string[] = [];

  /**
   * Buffers start small and jump to `expectedRows` at the first growth, once the column has shown whether
   * it holds numbers: a text column then never reserves a full-size Float64Array it would throw away.
   */
  constructor(
    private readonly expectedRows: number,
    private readonly decimalComma: boolean,
  ) {
    this.capacity = Math.min(expectedRows, 1024);
    this.nums = new Float64Array(this.capacity);
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

  /** The finished column. The builder lets go of its buffers, so only one column is ever held twice. */
  finish(name: string): Column {
    const n = this.length;
    const [nums, codes] = [this.nums, this.codes];
    [this.nums, this.codes] = [null, new Int32Array(0)];
    if (nums && this.present > 0) return { storage: 'number', name, values: resized(nums, n) };
    // A column with no value at all becomes an empty category column rather than a column of NaN.
    const column = nums ? new Int32Array(n).fill(-1) : resized(codes, n);
    return { storage: 'category', name, codes: column, dictionary: this.entries };
  }

  private remember(x: number, cell: string): void {
    if (this.spellings!.size >= SPELLING_CAP) this.spellings = null;
    else this.spellings!.set(x, cell);
  }

  private code(value: string): number {
    // Most category columns have a handful of values (sex, yes/no): comparing against each is cheaper than
    // hashing every cell.
    const entries = this.entries;
    if (entries.length <= SMALL_DICTIONARY) {
      for (let i = 0; i < entries.length; i++) if (entries[i] === value) return i;
    }
    const byLength = (this.dicts[value.length] ??= new Map());
    let c = byLength.get(value);
    if (c === undefined) {
      c = this.entries.length;
      const own = detach(value);
      byLength.set(own, c);
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
    const size = this.capacity;
    this.capacity = size < this.expectedRows ? this.expectedRows : Math.ceil(size * 1.5) + 1024;
    if (this.nums) this.nums = resized(this.nums, this.capacity);
    else this.codes = resized(this.codes, this.capacity);
  }
}

const countOf = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** String.prototype.trim, skipped for the usual cell that starts and ends with a visible ASCII character. */
function trim(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim();
}

/** True for a row with nothing but whitespace (a blank line, or `,,,`); such rows are skipped. */
function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].length > 0 && fields[i].trim() !== '') return false;
  return true;
}

/** Receives papaparse's rows one at a time and feeds the column builders. */
class TableSink {
  rows = 0;
  builders: ColumnBuilder[] = [];
  header: ReturnType<typeof uniqueNames> | null = null;
  readonly preview: string[][] = [];
  readonly ragged = { short: 0, long: 0, firstLineNumbers: [] as number[] };
  malformedRows = 0;
  readonly markers: Record<string, number> = {};
  private started = false;
  /** The slice being parsed and the file line it starts on, to number ragged rows. */
  private slice = '';
  private sliceLine = 1;

  constructor(
    /** Rows the file probably has (from the sampled line length), and its size: bounds for the buffers. */
    private readonly size: { expectedRows: number; bodyBytes: number },
    private readonly sniffed: Sniffed,
    private readonly maxRows: number,
  ) {}

  /** Whether ragged rows still need line numbers (so slices must keep counting lines). */
  get countingLines(): boolean {
    return this.ragged.firstLineNumbers.length < RAGGED_LINES_KEPT;
  }

  setSlice(slice: string, firstLine: number): void {
    this.slice = slice;
    this.sliceLine = firstLine;
  }

  /** Adds a row that starts at `start` in the current slice; returns false once maxRows data rows are in. */
  row(fields: string[], malformed: boolean, start: number): boolean {
    if (isBlank(fields)) return true;
    if (malformed) this.malformedRows++;
    if (!this.started) {
      this.start(fields);
      if (this.sniffed.hasHeader) return true;
    }
    if (fields.length !== this.builders.length) this.noteRagged(fields.length, start);
    this.addRow(fields);
    return ++this.rows < this.maxRows;
  }

  columns(): Column[] {
    this.slice = ''; // the last slice of text: let it go before the columns are copied to size
    const names = this.header?.names ?? this.builders.map((_, i) => `Column ${i + 1}`);
    return this.builders.map((b, i) => b.finish(names[i]));
  }

  private addRow(fields: string[]): void {
    const builders = this.builders;
    const shown: string[] | null = this.rows < PREVIEW_ROWS ? [] : null;
    for (let c = 0; c < builders.length; c++) {
      let cell = '';
      if (c >= fields.length) builders[c].pushMissing();
      else if (isMissingMarker((cell = trim(fields[c])))) {
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
    // Never reserve more cells than the file could hold (each needs a character and a delimiter).
    const cellBound = Math.ceil(this.size.bodyBytes / (2 * fields.length)) + 16;
    const capacity = Math.min(this.size.expectedRows, cellBound, this.maxRows + 1);
    this.builders = fields.map(() => new ColumnBuilder(capacity, this.sniffed.decimalComma));
  }

  private noteRagged(fieldCount: number, start: number): void {
    if (fieldCount < this.builders.length) this.ragged.short++;
    else this.ragged.long++;
    // Counting line breaks up to the row is done only for the few ragged rows that are reported.
    if (!this.countingLines) return;
    this.ragged.firstLineNumbers.push(
      this.sliceLine + countOf(this.slice.slice(0, start), this.sniffed.newline),
    );
  }
}

interface SliceResult {
  /** Characters of the slice whose rows were added; the next slice starts there. */
  consumed: number;
  /** True once the sink wants no more rows (maxRows). */
  stopped: boolean;
}

/**
 * Parses one slice synchronously, row by row, so that each row is garbage as soon as it is added (rows
 * kept for a whole slice make V8 promote them and grow the heap). The last row is held back: when the
 * slice ends inside a quoted field it is incomplete, and is parsed again at the start of the next slice.
 */
function parseSlice(slice: string, final: boolean, sniffed: Sniffed, sink: TableSink): SliceResult {
  const held = { fields: null as string[] | null, start: 0, end: 0, errors: [] as Papa.ParseError[] };
  const result = { consumed: 0, stopped: false };
  const release = (): boolean => {
    result.consumed = held.end;
    return sink.row(held.fields!, held.errors.length > 0, held.start);
  };
  Papa.parse<string[]>(slice, {
    delimiter: sniffed.delimiter,
    newline: sniffed.newline,
    quoteChar: '"',
    header: false,
    // Blank rows are skipped by the sink: papaparse's 'greedy' joins every row to test it.
    skipEmptyLines: false,
    step: (res, parser) => {
      if (held.fields && !release()) {
        result.stopped = true;
        return parser.abort();
      }
      [held.fields, held.start, held.end, held.errors] = [res.data, held.end, res.meta.cursor, res.errors];
    },
  });
  const cut = !final && held.errors.some((e) => e.code === 'MissingQuotes');
  if (held.fields && !result.stopped && !cut) result.stopped = !release();
  return result;
}

/**
 * A slice without a quote needs no CSV state machine: this is papaparse's own fast path (split on line
 * breaks, then on the delimiter), done here one row at a time, which skips papaparse's per-row result
 * objects and takes about a fifth off the time of a large file.
 */
function splitSlice(slice: string, sniffed: Sniffed, sink: TableSink): SliceResult {
  const { delimiter, newline } = sniffed;
  for (let start = 0; start < slice.length;) {
    const nl = slice.indexOf(newline, start);
    const end = nl < 0 ? slice.length : nl;
    const fields = slice.substring(start, end).split(delimiter);
    if (!sink.row(fields, false, start)) return { consumed: end + 1, stopped: true };
    start = end + 1;
  }
  return { consumed: slice.length, stopped: false };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Feeds the text to papaparse piece by piece as it is decoded, each slice ending at a line break, and
 * yields to the event loop between slices so that a worker hears a cancel message. papaparse's own
 * pause/resume is not used: on a string it re-splits the whole remaining text at every resume when the
 * text has no quotes, which is quadratic on a 100 MB file.
 */
async function streamRows(source: TextStream, sniffed: Sniffed, sink: TableSink, hooks: ParseHooks) {
  const nl = sniffed.newline;
  const bytesTotal = source.bodyBytes + (source.hadBom ? 3 : 0);
  let carry = '';
  let skip = sniffed.dataStart; // a `sep=` line, read by sniff
  /** Parse once the carried text is this long: it doubles while one row spans all of it. */
  let need = 0;
  let firstLine = sniffed.linesBefore + 1;
  let lastYield = performance.now();
  for (const piece of source.pieces(PIECE_BYTES)) {
    carry += skip > 0 ? piece.text.slice(skip) : piece.text;
    skip = 0;
    if (!piece.final && carry.length < need) continue;
    const slice = carry.slice(0, piece.final ? carry.length : carry.lastIndexOf(nl) + 1);
    sink.setSlice(slice, firstLine);
    const result = slice.includes('"')
      ? parseSlice(slice, piece.final, sniffed, sink)
      : splitSlice(slice, sniffed, sink);
    if (result.stopped || piece.final) return 'done';
    if (sink.countingLines) firstLine += countOf(slice.slice(0, result.consumed), nl);
    carry = carry.slice(result.consumed);
    // No complete row yet: one row is longer than the text read so far (a long quoted value, an unclosed quote).
    need = result.consumed === 0 ? carry.length * 2 : 0;
    if (performance.now() - lastYield < YIELD_MS) continue;
    hooks.onProgress?.({ bytesDone: Math.min(piece.bytesDone, bytesTotal), bytesTotal, rows: sink.rows });
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

/**
 * Decodes, sniffs and streams the rows into a sink. When a byte that is not UTF-8 turns up after the
 * probed start, the file is read again from the start as Windows-1252.
 */
async function readRows(bytes: Uint8Array, options: ParseOptions, hooks: ParseHooks, late = false) {
  const opened = openText(bytes, late ? 'windows-1252' : options.encoding);
  if (!opened.ok) return opened;
  const source = opened.data;
  const sniffed = sniff(source.head, options);
  const expectedRows =
    Math.ceil((source.bodyBytes / (sniffed.meanLineLength * source.bytesPerChar)) * 1.05) + 16;
  const sink = new TableSink(
    { expectedRows, bodyBytes: source.bodyBytes },
    sniffed,
    hooks.maxRows ?? Infinity,
  );
  try {
    if ((await streamRows(source, sniffed, sink, hooks)) === 'cancelled') return fail('cancelled');
  } catch (error) {
    if (error instanceof NotUtf8Error && !late) return readRows(bytes, options, hooks, true);
    return fail('parse-failed');
  }
  const { encoding, hadBom } = source;
  return ok({ sink, sniffed, source: { encoding, hadBom, fallback: source.fallback || late } });
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
