/**
 * The page's door to the training worker (with client.ts, the only places that start a Worker). One run at a
 * time: `train` resolves with the run's Result; `stop` ends it after the current epoch keeping the best model,
 * `cancel` abandons it. A crashed worker (out of memory, a GPU driver taking the process down) fails the run
 * with 'worker-crashed' and a fresh worker starts on the next run.
 */
import { fail, type Result } from '../core/result';
import type {
  TrainEvent,
  TrainOutcome,
  TrainRequestMessage,
  TrainWorkerRequest,
  TrainWorkerResponse,
} from './trainProtocol';

export type TrainRequest = Omit<TrainRequestMessage, 'type' | 'id'>;

export interface TrainClient {
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainOutcome>>;
  stop(): void;
  cancel(): void;
  dispose(): void;
}

export function createTrainClient(): TrainClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let active: {
    id: number;
    resolve: (result: Result<TrainOutcome>) => void;
    onEvent: (event: TrainEvent) => void;
  } | null = null;

  function finish(result: Result<TrainOutcome>) {
    const run = active;
    active = null;
    run?.resolve(result);
  }

  function crash() {
    worker?.terminate();
    worker = null;
    finish(fail('worker-crashed'));
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lepton-train',
    });
    worker.onmessage = (event: MessageEvent<TrainWorkerResponse>) => {
      const message = event.data;
      if (!active || message.id !== active.id) return;
      if (message.type === 'progress') active.onEvent(message.event);
      else finish(message.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      crash();
    };
    return worker;
  }

  const send = (message: TrainWorkerRequest) => worker?.postMessage(message);

  return {
    train(request, onEvent) {
      if (active) {
        // One run at a time: the one still going is ended with its worker, not left to compete.
        worker?.terminate();
        worker = null;
        finish(fail('cancelled'));
      }
      const id = nextId++;
      return new Promise((resolve) => {
        active = { id, resolve, onEvent };
        ensureWorker().postMessage({ ...request, type: 'train', id } satisfies TrainWorkerRequest);
      });
    },
    stop() {
      if (active) send({ type: 'stop', id: active.id });
    },
    cancel() {
      if (!active) return;
      // A fit inside one long TF.js call cannot look at messages: ending the worker ends it at once. The
      // next run starts a fresh worker (and reads the file again).
      worker?.terminate();
      worker = null;
      finish(fail('cancelled'));
    },
    dispose() {
      worker?.terminate();
      worker = null;
      finish(fail('cancelled'));
    },
  };
}
