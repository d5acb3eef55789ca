/** The page's door to the scoring worker: one file scored per call, in a worker of its own. */
import { fail } from '../core/result';
import type { ModelFile } from '../pipeline/modelFile';
import type { ScoreRequest, ScoreResponse } from './scoreProtocol';

export function scoreFile(file: Blob, model: ModelFile): Promise<ScoreResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./score.worker.ts', import.meta.url), { type: 'module' });
    const done = (response: ScoreResponse) => {
      worker.terminate();
      resolve(response);
    };
    worker.onmessage = (event: MessageEvent<ScoreResponse>) => done(event.data);
    worker.onerror = () => done(fail('worker-crashed'));
    worker.postMessage({ file, model } satisfies ScoreRequest);
  });
}
