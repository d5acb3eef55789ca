import Papa from 'papaparse';
import { fail, ok, type Result } from '../core/result';
import { fromBlob, fromBytes, ReadError, type ByteSource } from './byteSource';
import { NotUtf8Error, openText, type TextStream } from './decode';
import { inferKinds } from './infer';
import { sniff, type Sniffed } from './sniff';
import { countOf, TableSink } from './tableSink';
import type { ParsedTable, ParseOptions, ParseProgress, ParseReport } from './types';

/**
 * CSV bytes → typed, column-wise Table (the target: 100 MB, 1M rows × 12 columns in a worker, under 6 s and
 * 3× the file size). The file is read a few megabytes at a time and decoded a megabyte at a time, and rows
 * are never kept: each cell goes straight into its column's builder (tableSink.ts, columnBuilder.ts), so
 * memory stays near a few slices of bytes and text plus the finished columns.
 */

export interface ParseHooks {
  onProgress?: (p: ParseProgress) => void;
  signal?: AbortSignal;
  /** Stop after this many data rows (previews, tests). */
  maxRows?: number;
  /** Decode and parse in pieces of this many bytes, read 4 at a time (default 1 MB; tests use tiny ones). */
  pieceBytes?: number;
}

/** Yield at most this often, so a cancel message is heard quickly without paying a timer per slice. */
const YIELD_MS = 40;

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
  for await (const piece of source.pieces(hooks.pieceBytes)) {
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
async function readRows(file: ByteSource, options: ParseOptions, hooks: ParseHooks, late = false) {
  const opened = await openText(file, late ? 'windows-1252' : options.encoding);
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
    // A file that cannot be read is not a parse problem: the caller hears the reader's own error.
    if (error instanceof ReadError) throw error.cause;
    if (error instanceof NotUtf8Error && !late) return readRows(file, options, hooks, true);
    return fail('parse-failed');
  }
  const { encoding, hadBom } = source;
  return ok({ sink, sniffed, source: { encoding, hadBom, fallback: source.fallback || late } });
}

export async function parseCsv(
  input: Uint8Array | Blob,
  options: ParseOptions,
  hooks: ParseHooks = {},
): Promise<Result<ParsedTable>> {
  if (hooks.signal?.aborted) return fail('cancelled');
  const file = input instanceof Uint8Array ? fromBytes(input) : fromBlob(input);
  const read = await readRows(file, options, hooks);
  if (!read.ok) return read;
  const { sink, sniffed, source } = read.data;
  hooks.onProgress?.({ bytesDone: file.size, bytesTotal: file.size, rows: sink.rows });
  if (sink.rows === 0) return fail('no-rows');
  if (sink.builders.length === 1) return fail('one-column', { delimiter: sniffed.delimiter });
  const table = { rowCount: sink.rows, columns: sink.columns() };
  const report: ParseReport = {
    bytes: file.size,
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
