import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS } from '../data/settings';
import type { ParsedTable } from '../data/types';
import type { BackendName, BackendProbe } from '../ml/backend/choose';
import { DEFAULT_TRAIN_CHOICES } from '../state/training';
import type { TrainChoices, TrainEvent } from './trainProtocol';
import { trainJob, type Runtime, type TrainJob } from './trainSession';

/**
 * The training worker's logic with a fake runtime: TF.js really trains (on its CPU backend, in Node), while
 * the fake decides which backends "exist", which fail to start, and when a device is "lost". The rules under
 * test: the measured choice, falling back when a backend does not start, and going on with the next backend
 * when one fails mid-run, without losing the run.
 */

let german: ParsedTable;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error('german-credit.csv did not parse');
  german = parsed.data;
});

const SWIFTSHADER: BackendProbe[] = [
  { name: 'webgpu', ok: true, software: true, description: 'google, swiftshader' },
  { name: 'webgl', ok: true, software: true, description: 'Google SwiftShader' },
];
const REAL_GPU: BackendProbe[] = [
  { name: 'webgpu', ok: true, software: false, description: 'nvidia, ampere' },
  { name: 'webgl', ok: true, software: false },
];

function fakeRuntime(
  probes: BackendProbe[],
  options: { failToStart?: BackendName[]; loseThrows?: boolean } = {},
) {
  const activated: BackendName[] = [];
  const retired: BackendName[] = [];
  let probed = 0;
  const runtime: Runtime = {
    probe: async () => {
      probed++;
      return probes.map((p) => ({ ...p }));
    },
    activate: async (name) => {
      activated.push(name);
      return options.failToStart?.includes(name) ? { ok: false, error: `${name} refused` } : { ok: true };
    },
    retire: (name) => retired.push(name),
    loseDevice: () => {
      // What TF.js does on a lost WebGPU device: the next read from the GPU rejects.
      if (options.loseThrows) throw new Error('The Device was lost');
    },
  };
  return { runtime, activated, retired, probed: () => probed };
}

function job(choices: Partial<TrainChoices>, extra: Partial<TrainJob> = {}): TrainJob {
  return {
    main: { table: german.table, kinds: german.kinds },
    mainName: 'german-credit.csv',
    settings: { ...DEFAULT_SETTINGS, target: 'credit risk', positiveClass: 'good' },
    choices: { ...DEFAULT_TRAIN_CHOICES, modelOptions: { logistic: { epochs: 4 } }, ...choices },
    ...extra,
  };
}

async function run(j: TrainJob, runtime: Runtime) {
  const events: TrainEvent[] = [];
  const result = await trainJob(j, runtime, { emit: (e) => events.push(e) });
  return { result, events };
}

describe('trainJob', () => {
  it('trains tree models in plain TypeScript without probing or starting a TF.js backend', async () => {
    const fake = fakeRuntime(REAL_GPU);
    const { result, events } = await run(job({ model: 'tree' }), fake.runtime);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fake.probed()).toBe(0);
    expect(fake.activated).toEqual([]);
    expect(result.data.decision).toMatchObject({ backend: 'typescript', reason: 'plain-typescript' });
    expect(result.data.report.model.backend).toBe('typescript');
    expect(events[0]).toEqual({ type: 'backend', decision: result.data.decision });
  });

  it('explains the trained model after training, with progress per column, and the report lists importances', async () => {
    const fake = fakeRuntime(REAL_GPU);
    const { result, events } = await run(job({ model: 'tree' }), fake.runtime);
    if (!result.ok) throw new Error(result.reason.code);
    const explanation = result.data.explanation;
    const columns = explanation?.preprocessor.encoders.length ?? 0;
    expect(columns).toBeGreaterThan(5);
    const explaining = events.filter((e) => e.type === 'explaining');
    expect(explaining[0]).toEqual({ type: 'explaining', done: 0, total: columns });
    expect(explaining.at(-1)).toEqual({ type: 'explaining', done: columns, total: columns });
    expect(explanation?.importance.map((c) => c.feature).sort()).toEqual(
      explanation?.preprocessor.encoders.map((e) => e.column).sort(),
    );
    expect(result.data.report.importance?.map((c) => c.feature)).toEqual(
      explanation?.importance.map((c) => c.feature),
    );
    expect(explanation?.scored.y.length).toBe(result.data.report.split.test);
  });

  it('trains with the remedy the job asks for; group thresholds reach the report and the explanation', async () => {
    const fake = fakeRuntime(REAL_GPU);
    const settings = {
      ...DEFAULT_SETTINGS,
      target: 'credit risk',
      positiveClass: 'good',
      sensitive: [{ column: 'sex' }],
    };
    const { result } = await run(
      job(
        { model: 'tree' },
        { settings, mitigation: { method: 'thresholds', fairness: 'equal-opportunity' } },
      ),
      fake.runtime,
    );
    if (!result.ok) throw new Error(result.reason.code);
    expect(result.data.report.mitigation).toMatchObject({
      method: 'thresholds',
      attribute: 'sex',
      options: { fairness: 'equal-opportunity' },
    });
    expect(result.data.report.threshold).toBeUndefined();
    expect(result.data.explanation?.scored.decided).toBe(true);
  });

  it('skips a software-emulated GPU automatically for the typed-array loop, and says why', async () => {
    const fake = fakeRuntime(SWIFTSHADER);
    const { result } = await run(job({}), fake.runtime);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fake.activated).toEqual([]);
    expect(result.data.decision).toMatchObject({ backend: 'typescript', reason: 'software-gpu-skipped' });
    expect(result.data.decision.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    expect(result.data.report.model.backend).toBe('typescript');
    expect(result.data.fallbacks).toEqual([]);
    expect(result.data.history.trainLoss.length).toBe(result.data.report.model.epochs);
    expect(result.data.history.validationMetric.length).toBe(result.data.report.model.epochs);
    expect(Math.max(...result.data.history.validationMetric)).toBeGreaterThan(0.6); // validation accuracy
  });

  it('uses a real GPU first', async () => {
    const fake = fakeRuntime(REAL_GPU);
    const { result } = await run(job({}), fake.runtime);
    expect(result.ok && result.data.decision).toMatchObject({
      backend: 'webgpu',
      reason: 'real-gpu',
      description: 'nvidia, ampere',
    });
  });

  it('falls back to the next backend when the chosen one fails to start', async () => {
    const fake = fakeRuntime(REAL_GPU, { failToStart: ['webgpu'] });
    const { result } = await run(job({ backend: 'webgpu' }), fake.runtime);
    expect(fake.activated).toEqual(['webgpu', 'webgl']);
    expect(result.ok && result.data.decision).toMatchObject({
      backend: 'webgl',
      reason: 'forced-failed-fallback',
      skipped: [{ backend: 'webgpu', reason: 'failed to initialise: webgpu refused' }],
    });
  });

  it('treats the simulated WebGPU start failure as a real one', async () => {
    const fake = fakeRuntime(SWIFTSHADER);
    const { result } = await run(job({ backend: 'webgpu' }, { simulate: 'webgpu-init-fail' }), fake.runtime);
    expect(fake.activated).toEqual([]);
    expect(result.ok && result.data.decision).toMatchObject({
      backend: 'typescript',
      reason: 'forced-failed-fallback',
    });
  });

  it('runs TF.js on WASM or CPU when the user forces it', async () => {
    const fake = fakeRuntime(SWIFTSHADER);
    const { result } = await run(job({ backend: 'wasm' }), fake.runtime);
    expect(fake.activated).toEqual(['wasm']);
    expect(result.ok && result.data.report.model.backend).toBe('wasm');
  });

  it('falls back to the typed-array loop when no other GPU is left', async () => {
    const fake = fakeRuntime(SWIFTSHADER, { loseThrows: true });
    const { result } = await run(job({ backend: 'webgpu' }, { simulate: 'device-lost' }), fake.runtime);
    expect(result.ok && result.data.fallbacks).toEqual([
      expect.objectContaining({ from: 'webgpu', to: 'typescript', afterEpoch: 1 }),
    ]);
    expect(result.ok && result.data.report.model.backend).toBe('typescript');
  });

  it('goes on with the next backend when the device is lost mid-run, and the report says so', async () => {
    const fake = fakeRuntime(REAL_GPU, { loseThrows: true });
    const { result, events } = await run(
      job({ backend: 'webgpu' }, { simulate: 'device-lost' }),
      fake.runtime,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fallback = { from: 'webgpu', to: 'webgl', afterEpoch: 1 };
    expect(events.filter((e) => e.type === 'fallback')).toEqual([
      { type: 'fallback', fallback: expect.objectContaining(fallback) },
    ]);
    expect(result.data.fallbacks[0].error).toContain('The Device was lost');
    expect(fake.retired).toEqual(['webgpu']);
    expect(result.data.report.model.backend).toBe('webgl');
    expect(result.data.report.model.fallbacks).toEqual([expect.objectContaining(fallback)]);
    // The curves are those of the run that finished, from its first epoch.
    expect(result.data.history.trainLoss.length).toBe(result.data.report.model.epochs);
  });

  it('ends with the data error, without trying other backends, when the data cannot be trained on', async () => {
    const fake = fakeRuntime(REAL_GPU);
    const bad = job({}, { settings: { ...DEFAULT_SETTINGS, target: 'no such column' } });
    const { result, events } = await run(bad, fake.runtime);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.code).toBe('target-missing');
    expect(events.some((e) => e.type === 'fallback')).toBe(false);
  });

  it('Stop ends training after the current epoch and keeps the best model so far', async () => {
    const stop = new AbortController();
    const fake = fakeRuntime(SWIFTSHADER);
    const events: TrainEvent[] = [];
    const long = job({ modelOptions: { logistic: { epochs: 200, patience: 200 } } });
    const result = await trainJob(long, fake.runtime, {
      emit: (e) => {
        events.push(e);
        if (e.type === 'epoch' && e.epoch === 3) stop.abort();
      },
      stop: stop.signal,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.report.model).toMatchObject({ epochs: 3, stoppedBy: 'user' });
    expect(result.data.report.model.bestEpoch).toBeLessThanOrEqual(3);
    expect(result.data.report.metrics.accuracy).toBeGreaterThan(0.6);
  });

  it('Cancel ends the run with "cancelled"', async () => {
    const cancel = new AbortController();
    const fake = fakeRuntime(SWIFTSHADER);
    const long = job({ modelOptions: { logistic: { epochs: 200, patience: 200 } } });
    const result = await trainJob(long, fake.runtime, {
      emit: (e) => {
        if (e.type === 'epoch' && e.epoch === 2) cancel.abort();
      },
      signal: cancel.signal,
    });
    expect(result.ok ? 'ok' : result.reason.code).toBe('cancelled');
  });
});
