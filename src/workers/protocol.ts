/**
 * The one message protocol between the page and the data worker. The worker holds the table (typed arrays);
 * the page only ever receives summaries small enough for React state.
 */
import type { AppError, Result } from '../core/result';
import type { ColumnProfile } from '../data/profile';
import type { StepEffect } from '../data/clean';
import type { DataSettings, SensitiveChoice, TaskKind } from '../data/settings';
import type { ColumnKind, ParseOptions, ParseProgress, ParseReport } from '../data/types';
import type { AttributeBias } from '../fairness/dataBias';

/** What the page learns about a freshly loaded file. */
export interface LoadedSummary {
  name: string;
  report: ParseReport;
  /** Names and inferred kinds as parsed, before the user's renames and overrides. */
  columns: { name: string; kind: ColumnKind }[];
  preview: string[][];
}

export interface TargetSummary {
  column: string;
  /** The most frequent values (at most 60), for the positive-class choice; empty for a regression target. */
  classes: { value: string; count: number }[];
  /** How many distinct values the target has (0 when not counted, for regression). */
  classCount: number;
  /** What the values suggest; null when the column cannot be a target (one class, too many classes). */
  inferredTask: TaskKind | null;
  /** The tasks this column can be: the choices the page offers. */
  allowedTasks: TaskKind[];
  task: TaskKind | null;
  positiveClass: string | null;
  problem?: AppError;
}

export interface SensitiveSummary extends SensitiveChoice {
  groups: string[];
  /** Set for a numeric attribute: the cut points in use (the user's or the defaults). */
  edges?: number[];
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
  sensitiveProblems: { column: string; reason: 'missing' | 'too-many-groups'; groups?: number }[];
  /** Columns the model will use as inputs, and those left out with the reason. */
  modelInputs: string[];
  leftOut: { column: string; reason: 'target' | 'sensitive' | 'identifier' | 'text' | 'date' }[];
}

export type WorkerRequest =
  | { type: 'load'; id: number; file: Blob; name: string; parse: ParseOptions }
  | { type: 'cancel'; id: number }
  | { type: 'analyse'; id: number; settings: DataSettings };

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'loaded'; id: number; result: Result<LoadedSummary> }
  | { type: 'analysed'; id: number; result: Result<Analysis> };
