/**
 * Writing a table as CSV text for download (predictions of a scored file), the counterpart of parse.ts.
 * RFC 4180 on the way out, and every text cell neutralised against spreadsheet formula injection: a file
 * the user scores may hold cells such as `=HYPERLINK(...)` that a spreadsheet would run when the download
 * is opened (OWASP, "CSV Injection").
 */
import { parseNumber } from './convert';

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The cell with a leading single quote when a spreadsheet would run it as a formula: its first character is
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Spreadsheets show the quote-prefixed cell as text. Every
 * other cell comes back unchanged.
 *
 * One exception to OWASP's advice, which prefixes every such cell: a cell that is exactly a finite number
 * (`-3.5`, `+2`, `-1e-7`, `-3,5` with a decimal comma, as `parseNumber` reads numbers, with no surrounding
 * blanks) is data, not a formula, and stays as it is, so a column of negative predictions or values stays
 * numeric in the spreadsheet. Anything else after the sign (`-cmd|...`, `-1+1`, `-Infinity`, a lone `-`)
 * is neutralised.
 */
export function neutraliseFormula(cell: string): string {
  if (cell === '' || !FORMULA_START.has(cell[0])) return cell;
  const sign = cell[0] === '-' || cell[0] === '+';
  if (sign && cell === cell.trim() && Number.isFinite(parseNumber(cell))) return cell;
  return `'${cell}`;
}

export interface CsvOptions {
  /** One character, not a quote, CR or LF. Default ','. */
  delimiter?: string;
}

/** A number with full precision (`String(n)`: shortest round-trip form); NaN and ±Infinity are left empty. */
function numberCell(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

/**
 * CSV text of a header and rows, as RFC 4180 writes it: records end with CRLF (the last one too); a field is
 * quoted when it holds the delimiter, a double quote, CR or LF, and its quotes are doubled. `null` is an
 * empty field; numbers are written with full precision (`String(n)`), NaN (and ±Infinity, which no parsed
 * table or model produces) as an empty field. Every string cell, header included, first goes through
 * `neutraliseFormula`; numbers do not need to (a negative number is data). A record of one empty field is
 * written `""`, so that it is not read back as a blank line.
 *
 * No UTF-8 byte order mark is added: this returns text, and the BOM belongs to the bytes of a download. It
 * helps only old Excel for Windows guess UTF-8, while it ends up inside the first column name for many
 * programs (Python's csv with 'utf-8', `cut`, `join`, concatenated files); the app's own parser accepts the
 * file either way. A caller that targets Excel can prepend '\uFEFF' when it makes the Blob.
 *
 * Throws a RangeError for a delimiter that is not one character or is a quote, CR or LF, and for a row whose
 * length differs from the header's.
 */
export function toCsv(
  header: string[],
  rows: (string | number | null)[][],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError('The delimiter must be one character other than a quote, CR or LF.');
  }
  const field = (cell: string | number | null): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return numberCell(cell);
    const text = neutraliseFormula(cell);
    const quote =
      text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n');
    return quote ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const record = (cells: readonly (string | number | null)[]): string => {
    const line = cells.map(field).join(delimiter);
    return line === '' && cells.length === 1 ? '""\r\n' : `${line}\r\n`;
  };
  let out = record(header);
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`Row ${i} has ${row.length} cells; the header has ${header.length}.`);
    }
    out += record(row);
  });
  return out;
}
