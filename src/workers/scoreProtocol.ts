/** Messages between the page and the scoring worker ("Score a new CSV"): one file, one answer. */
import type { Result } from '../core/result';
import type { ModelFile } from '../pipeline/modelFile';
import type { ColumnCheck } from '../pipeline/scoreTable';

export interface ScoreRequest {
  file: Blob;
  model: ModelFile;
}

/** What the page shows and downloads: counts, the columns' account and the predictions as CSV. */
export interface ScoreAnswer {
  rows: number;
  columns: ColumnCheck;
  unreadable: { column: string; cells: number }[];
  /** Rows per predicted label (classification), most frequent first; empty for regression. */
  predicted: { label: string; rows: number }[];
  csv: string;
}

export type ScoreResponse = Result<ScoreAnswer>;
