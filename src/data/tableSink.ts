/**
 * Where parsed rows go: each row's cells are trimmed, checked for missing-value markers and pushed straight
 * into their columns' builders, so rows are garbage as soon as they are added. The sink also keeps the
 * preview, the header names and what was irregular (ragged and malformed rows).
 */
import { ColumnBuilder } from './columnBuilder';
import { detach, isMissingMarker, uniqueNames, type Sniffed } from './sniff';
import type { Column } from './types';

const PREVIEW_ROWS = 10;
const RAGGED_LINES_KEPT = 5;

/** How many times `ch` occurs in `s`. */
export const countOf = (s: string, ch: string): number => {
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
export class TableSink {
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
