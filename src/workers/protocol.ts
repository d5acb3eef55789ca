/**
 * The one message protocol between the page and the data worker. The worker holds the table (typed arrays);
 * the page only ever receives summaries small enough for React state.
 */
import type { Result } from '../core/result';
import type { StepEffect } from '../data/clean';
import type { LeftOutColumn, SensitiveProblem, SensitiveSummary, TargetSummary } from '../data/decide';
import type { ColumnProfile } from '../data/profile';
import type { DataSettings } from '../data/settings';
import type { ColumnKind, ParseOptions, ParseProgress, ParseReport } from '../data/types';
import type { AttributeBias } from '../fairness/dataBias';

export type { LeftOutColumn, SensitiveProblem, SensitiveSummary, TargetSummary } from '../data/decide';

/** What the page learns about a freshly loaded file. */
export interface LoadedSummary {
  name: string;
  report: ParseReport;
  /** Names and inferred kinds as parsed, before the user's renames and overrides. */
  columns: { name: string; kind: ColumnKind }[];
  preview: string[][];
}

/** Everything the data step shows, for the current settings. */
export interface Analysis {
  rowCount: number;
  /** Names after renames, in file order, before cleaning removed any. */
  allColumns: string[];
  /** Kind of each column after the user's overrides (by name), before cleaning. */
  kinds: Record<string, ColumnKind>;
  /** Values that did not fit a kind the user chose, by column ("3 values are not numbers"). */
  unparsable: Record<string, number>;
  profiles: ColumnProfile[];
  effects: StepEffect[];
  target: TargetSummary | null;
  sensitive: SensitiveSummary[];
  bias: AttributeBias[];
  /** Chosen sensitive attributes that cannot be used: gone from the cleaned table, or too many groups. */
  sensitiveProblems: SensitiveProblem[];
  /** Columns the model will use as inputs, and those left out with the reason. */
  modelInputs: string[];
  leftOut: LeftOutColumn[];
}

export type WorkerRequest =
  | { type: 'load'; id: number; file: Blob; name: string; parse: ParseOptions }
  | { type: 'cancel'; id: number }
  | { type: 'analyse'; id: number; settings: DataSettings };

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'loaded'; id: number; result: Result<LoadedSummary> }
  | { type: 'analysed'; id: number; result: Result<Analysis> };
