/** Messages between the page and the scoring worker ("Score a new CSV"): one file, one answer. */
import type { Result } from '../core/result';
import type { ModelFile, ScoredFile } from '../pipeline/modelFile';

export interface ScoreRequest {
  file: Blob;
  model: ModelFile;
}

/** What the page shows and downloads: counts, the columns' account and the predictions as CSV. */
export type ScoreAnswer = Omit<ScoredFile, 'scored'>;

export type ScoreResponse = Result<ScoreAnswer>;
