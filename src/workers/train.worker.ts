/// <reference lib="webworker" />
/**
 * The training worker: a thin switch over the training protocol. It parses the file it is sent (keeping the
 * last parsed table, by key, so training again does not re-read it), probes and starts TF.js backends, and
 * runs `trainJob`. Training lives apart from the data worker so a crashed GPU driver or a long fit never
 * holds the data step up, and Cancel can end a run by ending this worker.
 */
import { fail, ok, type Result } from '../core/result';
import { parseCsv } from '../data/parse';
import type { BackendName } from '../ml/backend/choose';
import { probeWebGl, probeWebGpu } from '../ml/backend/detect';
import { WASM_FILES } from '../ml/backend/wasmFiles';
import type { TableInput } from '../pipeline/types';
import type { TrainFile, TrainWorkerRequest, TrainWorkerResponse } from './trainProtocol';
import { trainJob, type Runtime } from './trainSession';

declare const self: DedicatedWorkerGlobalScope;

/** Backends that failed mid-run in this worker: not offered again until the worker restarts. */
const retired = new Set<BackendName>();
// TF.js (1 MB) loads only when a network trains on it: trees and the typed-array loop never need it.
const tfBackends = () => import('../ml/backend/activate');

const runtime: Runtime = {
  probe: async () =>
    [await probeWebGpu(), await probeWebGl()].map((p) =>
      retired.has(p.name) ? { ...p, ok: false, error: 'it stopped working earlier in this session' } : p,
    ),
  activate: async (name) =>
    retired.has(name)
      ? { ok: false, error: 'it stopped working earlier in this session' }
      : (await tfBackends()).activateBackend(name, WASM_FILES),
  loseDevice: () => void tfBackends().then((m) => m.loseWebGpuDevice()),
  retire: (name) => {
    retired.add(name);
    void tfBackends().then((m) => m.removeBackend(name));
  },
};

const parsed = new Map<string, TableInput>();
/** Stop of each run in progress. (Cancel ends the whole worker: see trainClient.ts.) */
const stops = new Map<number, AbortController>();
const post = (message: TrainWorkerResponse) => self.postMessage(message);

/** The file's table, parsed with the data step's options; reused while its key is unchanged. */
async function tableOf(file: TrainFile, parse: Parameters<typeof parseCsv>[1]) {
  const known = parsed.get(file.key);
  if (known) return ok(known);
  const result = await parseCsv(file.blob, parse);
  if (!result.ok) return result;
  const input = { table: result.data.table, kinds: result.data.kinds };
  parsed.set(file.key, input);
  return ok(input);
}

async function train(request: Extract<TrainWorkerRequest, { type: 'train' }>): Promise<Result<never> | void> {
  const { id } = request;
  const stop = new AbortController();
  stops.set(id, stop);
  try {
    post({ type: 'progress', id, event: { type: 'reading' } });
    const wanted = new Set([request.file.key, request.testFile?.key]);
    for (const key of parsed.keys()) if (!wanted.has(key)) parsed.delete(key);
    const main = await tableOf(request.file, request.settings.parse);
    if (!main.ok) return post({ type: 'trained', id, result: main });
    // A test file is read with the main file's reading options (header, delimiter, encoding, names): it is
    // meant to have the same layout. Options left on "detect" are detected in it afresh.
    const test = request.testFile ? await tableOf(request.testFile, request.settings.parse) : undefined;
    if (test && !test.ok)
      return post({
        type: 'trained',
        id,
        result: fail(test.reason.code, { ...test.reason.params, file: 'test' }),
      });
    const result = await trainJob(
      {
        main: main.data,
        mainName: request.file.name,
        ...(test ? { test: test.data, testName: request.testFile?.name } : {}),
        settings: request.settings,
        choices: request.choices,
        ...(request.mitigation ? { mitigation: request.mitigation } : {}),
        ...(request.simulate ? { simulate: request.simulate } : {}),
      },
      runtime,
      {
        emit: (event) => post({ type: 'progress', id, event }),
        stop: stop.signal,
      },
    );
    post({ type: 'trained', id, result });
  } catch (error) {
    post({
      type: 'trained',
      id,
      result: fail('internal', { detail: error instanceof Error ? error.message : String(error) }),
    });
  } finally {
    stops.delete(id);
  }
}

self.onmessage = (event: MessageEvent<TrainWorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'train':
      void train(request);
      break;
    case 'stop':
      stops.get(request.id)?.abort();
      break;
  }
};
