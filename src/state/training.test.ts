import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  baselineFor,
  DEFAULT_TRAIN_CHOICES,
  isActive,
  restoredChoices,
  restoredRun,
  secondsLeft,
  startRun,
  MAX_RUNS,
  shownRun,
  withRun,
  type TrainingRun,
} from './training';

const epoch = (n: number, of = 10) =>
  ({
    type: 'epoch',
    epoch: n,
    epochs: of,
    trainLoss: 1 / n,
    validationLoss: 2 / n,
    validationMetric: 0.5 + n / 100,
  }) as const;

describe('training run state', () => {
  it('collects the learning curves and the epoch count from progress events', () => {
    let run = startRun('logistic', '{}', 0);
    run = applyEvent(run, { type: 'stage', stage: 'train' }, 10);
    run = applyEvent(run, epoch(1), 100);
    run = applyEvent(run, epoch(2), 200);
    expect(run).toMatchObject({ epoch: 2, epochs: 10, stage: 'train' });
    expect(run.history).toEqual({
      trainLoss: [1, 0.5],
      validationLoss: [2, 1],
      validationMetric: [0.51, 0.52],
    });
  });

  it('estimates the time left from the epochs after the first (which also compiles kernels)', () => {
    let run = startRun('mlp', '{}', 0);
    run = applyEvent(run, epoch(1), 5000); // slow first epoch
    expect(secondsLeft(run)).toBeNull();
    run = applyEvent(run, epoch(2), 5500);
    run = applyEvent(run, epoch(3), 6000);
    // 0.5 s per epoch, 7 epochs to go.
    expect(secondsLeft(run)).toBeCloseTo(3.5, 9);
  });

  it('starts the curves and the clock again when training moves to another backend', () => {
    let run = startRun('mlp', '{}', 0);
    run = applyEvent(run, epoch(1), 100);
    const fallback = { from: 'webgpu', to: 'wasm', error: 'lost', afterEpoch: 1 } as const;
    run = applyEvent(run, { type: 'fallback', fallback }, 150);
    expect(run.fallbacks).toEqual([fallback]);
    expect(run.history.trainLoss).toEqual([]);
    expect(run.epoch).toBe(0);
    expect(run.firstEpochAt).toBeNull();
  });

  it('marks a run that was going when the page went away as interrupted, and keeps finished ones', () => {
    const running = startRun('mlp', '{}', 0);
    expect(isActive(running)).toBe(true);
    expect(restoredRun(running)).toMatchObject({ status: 'interrupted', outcome: null });
    expect(restoredRun({ ...running, status: 'stopping' })?.status).toBe('interrupted');
    const failed = { ...running, status: 'failed' as const };
    expect(restoredRun(failed)).toEqual(failed);
    expect(restoredRun(null)).toBeNull();
  });

  it('fills in what older saved sessions lack', () => {
    const old = startRun('mlp', '{}', 0);
    const { validationMetric: _dropped, ...history } = old.history;
    const restored = restoredRun({ ...old, status: 'failed', history } as unknown as TrainingRun);
    expect(restored?.history.validationMetric).toEqual([]);
    expect(restoredChoices({ model: 'tree' })).toEqual({ ...DEFAULT_TRAIN_CHOICES, model: 'tree' });
    expect(restoredChoices(undefined)).toEqual(DEFAULT_TRAIN_CHOICES);
  });
});

describe('runs compared', () => {
  const basis = (target: string, model: string) =>
    JSON.stringify({ settings: { target }, choices: { model }, test: null });
  const finished = (b: string, mitigation?: TrainingRun['mitigation']): TrainingRun => ({
    ...startRun('logistic', b, 0, false, mitigation ? { mitigation, baselineId: null } : undefined),
    status: 'done',
    outcome: {} as TrainingRun['outcome'],
  });

  it('a remedy’s baseline is the latest finished plain run on the same basis', () => {
    const a = finished(basis('income', 'logistic'));
    const b = finished(basis('income', 'logistic'));
    const remedy = finished(basis('income', 'logistic'), { method: 'reweigh' });
    const other = finished(basis('income', 'tree'));
    expect(a.id).not.toBe(b.id);
    expect(baselineFor([a, b, remedy, other], basis('income', 'logistic'))?.id).toBe(b.id);
    expect(baselineFor([remedy], basis('income', 'logistic'))).toBeNull();
  });

  it('adds a run, replaces its older copy, and drops runs on other data but keeps other models', () => {
    const a = finished(basis('income', 'logistic'));
    const tree = finished(basis('income', 'tree'));
    expect(withRun([a], tree).map((r) => r.id)).toEqual([a.id, tree.id]);
    expect(withRun([a, tree], { ...a, threshold: 0.4 })).toEqual([{ ...a, threshold: 0.4 }, tree]);
    const otherTarget = finished(basis('age', 'logistic'));
    expect(withRun([a, tree], otherTarget).map((r) => r.id)).toEqual([otherTarget.id]);
  });

  it('gives runs saved before runs were compared an id', () => {
    const { id: _, ...old } = { ...finished(basis('income', 'logistic')), outcome: null };
    expect(restoredRun(old as TrainingRun)?.id).toBe(String(old.startedAt));
  });
});

describe('the run shown and the runs kept', () => {
  const b = JSON.stringify({
    settings: { target: 'income' },
    choices: { model: 'logistic', seed: 1 },
    test: null,
  });
  const done = (mitigation?: TrainingRun['mitigation']): TrainingRun => ({
    ...startRun('logistic', b, 0, false, mitigation ? { mitigation, baselineId: null } : undefined),
    status: 'done',
    outcome: {} as TrainingRun['outcome'],
  });

  it('keeps the run shown before in view while a remedy trains or after it failed', () => {
    const plain = done();
    const reweigh = done({ method: 'reweigh' });
    const training = {
      ...startRun('logistic', b, 0, false, { mitigation: { method: 'resample' }, baselineId: null }),
    };
    const runs = [plain, reweigh];
    expect(shownRun({ training, runs, shownRunId: plain.id })).toBe(plain);
    expect(shownRun({ training: { ...training, status: 'failed' }, runs, shownRunId: null })).toBe(reweigh);
    expect(shownRun({ training: reweigh, runs, shownRunId: plain.id })).toBe(reweigh);
    // A plain run that trains or failed is shown as itself (its own progress or error).
    const plainRunning = startRun('logistic', b, 0);
    expect(shownRun({ training: plainRunning, runs, shownRunId: plain.id })).toBe(plainRunning);
  });

  it('drops runs on another split, and the oldest beyond the cap except the chosen one', () => {
    const a = done();
    const otherSeed = { ...done(), basis: b.replace('"seed":1', '"seed":2') };
    expect(withRun([a], otherSeed).map((r) => r.id)).toEqual([otherSeed.id]);
    const many = Array.from({ length: MAX_RUNS }, () => done());
    const next = done();
    const kept = withRun(many, next, many[0].id);
    expect(kept).toHaveLength(MAX_RUNS);
    expect(kept[0].id).toBe(many[0].id);
    expect(kept.map((r) => r.id)).not.toContain(many[1].id);
    expect(kept.at(-1)?.id).toBe(next.id);
  });
});
