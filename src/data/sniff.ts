import type { Delimiter, ParseOptions, ParseReport } from './types';

/**
 * Format detection on the decoded text: delimiter, decimal comma, header, line ending. Only the first
 * 64 KB / 50 lines are read, so sniffing a 100 MB file costs nothing noticeable.
 */

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;
/** Order of preference when two delimiters explain the sample equally well. */
const CANDIDATES: Delimiter[] = ['\t', ';', '|', ','];

export interface Sniffed {
  delimiter: Delimiter;
  delimiterSource: 'sep-line' | 'detected' | 'option';
  decimalComma: boolean;
  hasHeader: boolean;
  headerSource: 'detected' | 'option';
  /** Offset where the data starts (after a `sep=` line), and how many file lines come before it. */
  dataStart: number;
  linesBefore: number;
  /** `\n` whenever the text has one (a trailing `\r` is trimmed with the cell), else `\r` (old Mac files). */
  newline: '\n' | '\r';
  /** Mean characters per sampled line, to size the column buffers before parsing. */
  meanLineLength: number;
}

/**
 * A copy of a string that does not share memory with the file's text. In V8 a cell cut from the text (13
 * characters or more) is a view that keeps the whole 100 MB text alive; every string the table keeps
 * (dictionary entries, names, preview cells) goes through here. Concatenating and slicing makes V8 write
 * a fresh string of the cell's own length.
 */
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** A leading `sep=;` line (an Excel convention): the delimiter it names and where the data starts. */
export function readSepLine(text: string): { delimiter: Delimiter; dataStart: number } | null {
  const match = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(detach(text.slice(0, 16)));
  if (!match) return null;
  const delimiter = [',', ';', '\t', '|'].includes(match[1]) ? (match[1] as Delimiter) : null;
  return delimiter ? { delimiter, dataStart: match[0].length } : null;
}

/**
 * Splits the start of the text into rows of raw fields, honouring double quotes the way papaparse does
 * (a quote opens a field only at its start; `""` inside is a quote). Blank lines are left out, and so is
 * the last line when the sample was cut short, since it may be incomplete.
 */
export function sampleRows(text: string, delimiter: string, maxLines = SAMPLE_LINES): string[][] {
  const end = Math.min(text.length, SAMPLE_CHARS);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < end && rows.length < maxLines) {
    const c = text[i];
    if (c === '"' && field === '') {
      const close = closingQuote(text, i + 1, end);
      if (close < 0) break;
      field = detach(text.slice(i + 1, close)).replace(/""/g, '"');
      i = close + 1;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (end === text.length && i >= end && (row.length > 0 || field.trim() !== '') && rows.length < maxLines) {
    row.push(field);
    if (row.some((f) => f.trim() !== '')) rows.push(row);
  }
  return rows;
}

function closingQuote(text: string, from: number, end: number): number {
  for (let q = text.indexOf('"', from); q >= 0 && q < end; q = text.indexOf('"', q + 2)) {
    if (text[q + 1] !== '"') return q;
  }
  return -1;
}

/** How well a delimiter explains the sample: the share of rows with the modal field count (0 if that is 1). */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let mode = 1;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > mode)) [mode, best] = [n, c];
  return mode > 1 && rows.length > 0 ? best / rows.length : 0;
}

export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const score = consistency(sampleRows(text, d));
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d*),\d+$/;
const DOT_DECIMAL = /^[+-]?\d*\.\d+$/;

/** True when numbers in the sample are written `1,65` rather than `1.65` (only possible without `,` as delimiter). */
export function detectDecimalComma(rows: string[][], delimiter: Delimiter): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let dot = 0;
  for (const row of rows) {
    for (const raw of row) {
      const cell = raw.trim();
      if (COMMA_DECIMAL.test(cell)) comma++;
      else if (DOT_DECIMAL.test(cell)) dot++;
    }
  }
  return comma > 0 && comma >= dot;
}

const MISSING_MARKERS = new Set(['', 'na', 'n/a', '?', 'null', 'nan']);

/** True for the cells read as missing: empty, NA, N/A, ?, null, NaN (any case). Expects a trimmed cell. */
export function isMissingMarker(cell: string): boolean {
  if (cell.length === 0) return true;
  const c = cell.charCodeAt(0);
  // Every marker starts with `?`, `n` or `N`; checking that first keeps the common path allocation-free.
  return cell.length <= 4 && (c === 63 || c === 110 || c === 78) && MISSING_MARKERS.has(cell.toLowerCase());
}

const DECIMAL_COMMA_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)?,\d+$/;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The number a trimmed cell holds, or NaN. Accepts `-1.5`, `1e3`, `+2`, `.5` (and `1,5`, `1.234,5` with a
 * decimal comma); rejects `0x10`, `Infinity`, empty, and leading zeros such as `01234`, which are codes
 * whose zero would be lost.
 */
export function parseNumber(cell: string, decimalComma: boolean): number {
  const c0 = cell.charCodeAt(0);
  const start = c0 === 43 || c0 === 45 ? 1 : 0;
  const c = cell.charCodeAt(start);
  if (c === 48 && start + 1 < cell.length) {
    const next = cell.charCodeAt(start + 1);
    if (next !== 46 && next !== 101 && next !== 69 && next !== 44) return NaN;
  } else if (!((c >= 48 && c <= 57) || c === 46)) return NaN;
  const fast = plainDecimal(cell, start);
  if (fast === fast) return c0 === 45 ? -fast : fast;
  const value = Number(cell);
  if (value === value) return Number.isFinite(value) ? value : NaN;
  if (!decimalComma || !DECIMAL_COMMA_NUMBER.test(cell)) return NaN;
  return Number(cell.replace(/\./g, '').replace(',', '.'));
}

/**
 * `123` or `12.5` with at most 15 digits, read without Number() (the hot path of a large file). Both the
 * digits and the power of ten are exact doubles, so the one division rounds exactly as Number() would.
 */
function plainDecimal(cell: string, start: number): number {
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (let i = start; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0) point = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return point < 0 ? mantissa : mantissa / POWERS_OF_TEN[cell.length - point - 1];
}

/** Whether most present values below the first row in a column are numbers. */
function mostlyNumeric(rows: string[][], col: number, decimalComma: boolean): boolean {
  let present = 0;
  let numeric = 0;
  for (let r = 1; r < rows.length; r++) {
    const cell = (rows[r][col] ?? '').trim();
    if (isMissingMarker(cell)) continue;
    present++;
    if (!Number.isNaN(parseNumber(cell, decimalComma))) numeric++;
  }
  return present > 0 && numeric >= present * 0.8;
}

/** Consecutive years across the row, as in wide tables (`country,2019,2020,2021`): names, not data. */
function isYearRun(numbers: number[]): boolean {
  const yearLike = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2200;
  return numbers.length >= 3 && numbers.every((n, i) => yearLike(n) && (i === 0 || n === numbers[i - 1] + 1));
}

/**
 * Whether the first row names the columns. It is data when its values re-appear lower in their columns,
 * or when it holds numbers in numeric columns while no text cell sits above a numeric column. Ambiguous
 * cases count as a header, which the user can switch off.
 */
export function detectHeader(rows: string[][], decimalComma = false): boolean {
  if (rows.length < 2) return true;
  const first = rows[0].map((c) => c.trim());
  let numbersOverNumbers = 0;
  let textOverNumbers = 0;
  let reappearing = 0;
  let textCells = 0;
  const firstNumbers: number[] = [];
  first.forEach((cell, col) => {
    if (isMissingMarker(cell)) return;
    const value = parseNumber(cell, decimalComma);
    const numericBelow = mostlyNumeric(rows, col, decimalComma);
    if (!Number.isNaN(value)) {
      firstNumbers.push(value);
      if (numericBelow) numbersOverNumbers++;
      return;
    }
    textCells++;
    if (numericBelow) textOverNumbers++;
    if (rows.some((r, i) => i > 0 && (r[col] ?? '').trim() === cell)) reappearing++;
  });
  if (reappearing > 0 && reappearing * 4 >= textCells) return false;
  if (numbersOverNumbers > 0 && textOverNumbers === 0 && !isYearRun(firstNumbers)) return false;
  return true;
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

/** Everything detected about the text, with the caller's forced choices taking precedence. */
export function sniff(text: string, options: ParseOptions = {}): Sniffed {
  const sep = readSepLine(text);
  const dataStart = sep?.dataStart ?? 0;
  const body = dataStart > 0 ? text.slice(dataStart, dataStart + SAMPLE_CHARS) : text;
  const delimiter = options.delimiter ?? sep?.delimiter ?? detectDelimiter(body);
  const rows = sampleRows(body, delimiter);
  const decimalComma = detectDecimalComma(rows, delimiter);
  const head = body.slice(0, SAMPLE_CHARS);
  const newline = head.includes('\n') || !head.includes('\r') ? '\n' : '\r';
  const lineCount = Math.max(1, head.split(newline).length - (head.endsWith(newline) ? 1 : 0));
  return {
    delimiter,
    delimiterSource: options.delimiter ? 'option' : sep ? 'sep-line' : 'detected',
    decimalComma,
    hasHeader: options.hasHeader ?? detectHeader(rows, decimalComma),
    headerSource: options.hasHeader === undefined ? 'detected' : 'option',
    dataStart,
    linesBefore: sep ? 1 : 0,
    newline,
    meanLineLength: Math.max(1, head.length / lineCount),
  };
}
