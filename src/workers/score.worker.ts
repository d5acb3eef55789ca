/**
 * The scoring worker: parses a new file (the page stays responsive on a large one), cleans and scores it
 * with a model file (pipeline/modelFile.ts) and answers once. A fresh worker per file, ended after.
 */
import { fail, ok } from '../core/result';
import { parseCsv } from '../data/parse';
import { scoreWithModelFile } from '../pipeline/modelFile';
import type { ScoreRequest, ScoreResponse } from './scoreProtocol';

declare const self: DedicatedWorkerGlobalScope;

async function score({ file, model }: ScoreRequest): Promise<ScoreResponse> {
  // The new file is read as the training file was (header row or not); delimiter and encoding are detected.
  const hasHeader = model.settings.parse.hasHeader;
  const parsed = await parseCsv(file, hasHeader === undefined ? {} : { hasHeader });
  if (!parsed.ok) return parsed;
  const scored = scoreWithModelFile(model, parsed.data);
  if (!scored.ok) return scored;
  // The per-row arrays stay here: the CSV holds them, and the page shows only the counts.
  const { scored: _perRow, ...answer } = scored.data;
  return ok(answer);
}

self.onmessage = async (event: MessageEvent<ScoreRequest>) => {
  self.postMessage(await score(event.data).catch(() => fail('internal')));
};
