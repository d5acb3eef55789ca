/**
 * The shapes of a loaded table. A table is stored column-wise so that a million rows fit in a tab:
 * numbers in typed arrays, categories dictionary-encoded. Nothing here holds row objects.
 */

/** What a column means, inferred from its values and changeable by the user. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'date' | 'text' | 'identifier';
export const COLUMN_KINDS: readonly ColumnKind[] = [
  'numeric',
  'categorical',
  'boolean',
  'date',
  'text',
  'identifier',
];

/** A column of numbers. `NaN` marks a missing value. */
export interface NumberColumn {
  storage: 'number';
  name: string;
  values: Float64Array;
}

/**
 * A column of strings, dictionary-encoded: row i holds `dictionary[codes[i]]`; `-1` marks a missing value.
 * Dictionary entries are distinct and trimmed.
 */
export interface CategoryColumn {
  storage: 'category';
  name: string;
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumberColumn | CategoryColumn;

export interface Table {
  rowCount: number;
  columns: Column[];
}

export type Delimiter = ',' | ';' | '\t' | '|';
export type TextEncoding = 'utf-8' | 'windows-1252';

/** What the user (or a saved session) may force; anything left out is detected. */
export interface ParseOptions {
  hasHeader?: boolean;
  delimiter?: Delimiter;
  encoding?: TextEncoding;
}

/** Everything the parser noticed and did, so the page can tell the user in plain words. */
export interface ParseReport {
  bytes: number;
  encoding: TextEncoding;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252 (a superset of Latin-1). */
  encodingFallback: boolean;
  hadBom: boolean;
  delimiter: Delimiter;
  /** Where the delimiter came from: a leading `sep=;` line, detection, or the caller's options. */
  delimiterSource: 'sep-line' | 'detected' | 'option';
  /** Numbers such as `1,5` were read as 1.5 (semicolon- or tab-separated files from European spreadsheets). */
  decimalComma: boolean;
  hasHeader: boolean;
  headerSource: 'detected' | 'option';
  rowCount: number;
  columnCount: number;
  /** Header names that appeared more than once, and the unique names they were given. */
  duplicateNames: { name: string; renamedTo: string[] }[];
  /** Header cells that were empty and got a generated name ("Column 3"). */
  unnamedColumns: number;
  /** Rows with fewer fields than the header (filled with missing values) or more (extra fields ignored). */
  raggedRows: { short: number; long: number; firstLineNumbers: number[] };
  /** Problems papaparse reported, such as an unclosed quote, counted by its error code. */
  malformedRows: number;
  /** How many cells held each missing-value marker (empty, NA, N/A, ?, null, NaN). */
  missingMarkers: Record<string, number>;
}

/** A successfully parsed file. `preview` holds the first rows as display strings (missing as ''). */
export interface ParsedTable {
  table: Table;
  kinds: ColumnKind[];
  report: ParseReport;
  preview: string[][];
}

export interface ParseProgress {
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}
