/**
 * The page's only door to the data worker (the only `new Worker` in the app). Calls return Results; a
 * cancelled load resolves with the code 'cancelled'; a crashed worker fails every pending call with
 * 'worker-crashed' and is started afresh on the next call (the caller reloads its file).
 */
import { fail, type Result } from '../core/result';
import type { DataSettings } from '../data/settings';
import type { ParseOptions, ParseProgress } from '../data/types';
import type { Analysis, LoadedSummary, WorkerRequest, WorkerResponse } from './protocol';

type Pending = { resolve: (result: Result<never>) => void; onProgress?: (p: ParseProgress) => void };

export interface DataClient {
  load(
    file: Blob,
    name: string,
    parse: ParseOptions,
    options?: { signal?: AbortSignal; onProgress?: (p: ParseProgress) => void },
  ): Promise<Result<LoadedSummary>>;
  analyse(settings: DataSettings): Promise<Result<Analysis>>;
  dispose(): void;
}

export function createDataClient(): DataClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll() {
    for (const { resolve } of pending.values()) resolve(fail('worker-crashed'));
    pending.clear();
    worker?.terminate();
    worker = null;
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    worker = new Worker(new URL('./data.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lepton-data',
    });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.type === 'progress') {
        entry.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      entry.resolve(message.result as Result<never>);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      failAll();
    };
    return worker;
  }

  function call<T>(request: WorkerRequest, onProgress?: (p: ParseProgress) => void): Promise<Result<T>> {
    return new Promise((resolve) => {
      pending.set(request.id, { resolve: resolve as Pending['resolve'], onProgress });
      ensureWorker().postMessage(request);
    });
  }

  return {
    load(file, name, parse, options = {}) {
      const id = nextId++;
      const { signal, onProgress } = options;
      if (signal?.aborted) return Promise.resolve(fail('cancelled'));
      signal?.addEventListener(
        'abort',
        () => worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest),
        {
          once: true,
        },
      );
      return call<LoadedSummary>({ type: 'load', id, file, name, parse }, onProgress);
    },
    analyse(settings) {
      return call<Analysis>({ type: 'analyse', id: nextId++, settings });
    },
    dispose: failAll,
  };
}
