/**
 * The scoring worker: parses a new file (the page stays responsive on a large one), cleans and scores it
 * with a model file (pipeline/modelFile.ts) and answers once. A fresh worker per file, ended after.
 */
import { fail, ok } from '../core/result';
import { parseCsv } from '../data/parse';
import { scoreWithModelFile } from '../pipeline/modelFile';
import type { ScoreRequest, ScoreResponse } from './scoreProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ScoreRequest>) => {
  const { file, model } = event.data;
  let answer: ScoreResponse;
  try {
    // The new file is read as the training file was (header row or not); delimiter and encoding are detected.
    const hasHeader = model.settings.parse.hasHeader;
    const parsed = await parseCsv(file, hasHeader === undefined ? {} : { hasHeader });
    if (!parsed.ok) answer = parsed;
    else {
      const scored = scoreWithModelFile(model, parsed.data);
      if (!scored.ok) answer = scored;
      else {
        const counts = new Map<string, number>();
        if (model.task !== 'regression')
          for (const label of scored.data.scored.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
        const { rows, columns, unreadable, csv } = scored.data;
        answer = ok({
          rows,
          columns,
          unreadable,
          predicted: [...counts].map(([label, n]) => ({ label, rows: n })).sort((a, b) => b.rows - a.rows),
          csv,
        });
      }
    }
  } catch {
    answer = fail('internal');
  }
  self.postMessage(answer);
};
