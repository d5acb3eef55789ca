/// <reference lib="webworker" />
/**
 * The data worker: a thin switch over the protocol. It keeps the loaded table between messages so the page
 * never holds it; a failed or cancelled load leaves the previous table in place.
 */
import { fail } from '../core/result';
import { maxFileBytes } from '../data/limits';
import { parseCsv } from '../data/parse';
import type { ParsedTable } from '../data/types';
import { analyse, summarise } from './dataSession';
import type { WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const MAX_BYTES = maxFileBytes((navigator as { deviceMemory?: number }).deviceMemory);

let current: ParsedTable | null = null;
const aborts = new Map<number, AbortController>();
const post = (message: WorkerResponse) => self.postMessage(message);

async function load(request: Extract<WorkerRequest, { type: 'load' }>) {
  const { id, file } = request;
  if (file.size > MAX_BYTES) {
    post({ type: 'loaded', id, result: fail('too-large', { bytes: file.size, limit: MAX_BYTES }) });
    return;
  }
  const controller = new AbortController();
  aborts.set(id, controller);
  try {
    // The file is read a slice at a time while it is parsed: its whole bytes are never in memory at once.
    const result = await parseCsv(file, request.parse, {
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    if (result.ok) current = result.data;
    post({
      type: 'loaded',
      id,
      result: result.ok ? { ok: true, data: summarise(request.name, result.data) } : result,
    });
  } catch (error) {
    const tooBig =
      error instanceof RangeError || (error instanceof DOMException && error.name === 'NotReadableError');
    post({ type: 'loaded', id, result: fail(tooBig ? 'too-large' : 'unreadable', { bytes: file.size }) });
  } finally {
    aborts.delete(id);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      void load(request);
      break;
    case 'cancel':
      aborts.get(request.id)?.abort();
      break;
    case 'analyse':
      post({
        type: 'analysed',
        id: request.id,
        result: current ? analyse(current, request.settings) : fail('worker-crashed'),
      });
      break;
  }
};
