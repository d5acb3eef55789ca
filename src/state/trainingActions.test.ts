import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../core/result';
import type { TrainClient, TrainRequest } from '../workers/trainClient';
import type { TrainOutcome } from '../workers/trainProtocol';
import { createStore, initialState } from './store';
import { createTrainingActions } from './trainingActions';

/**
 * "Try all remedies" and the runs it leaves, with a fake training worker: what each request asked for is
 * recorded, and a run ends when the test says so (`finish`) or at once.
 */
function setup(options: { failing?: string; hold?: boolean; model?: 'logistic' | 'tree' } = {}) {
  const store = createStore({
    ...initialState,
    phase: 'ready',
    trainChoices: { ...initialState.trainChoices, model: options.model ?? 'logistic' },
  });
  const requests: TrainRequest[] = [];
  let pending: ((result: Result<TrainOutcome>) => void) | null = null;
  const outcome = (request: TrainRequest): TrainOutcome =>
    ({
      report: { task: 'binary', mitigation: request.mitigation ?? null },
      history: { trainLoss: [], validationLoss: [], validationMetric: [] },
    }) as unknown as TrainOutcome;
  const trainer: TrainClient = {
    train(request) {
      requests.push(request);
      if (options.failing && request.mitigation?.method === options.failing)
        return Promise.resolve(fail('mitigation-unavailable', { reason: 'no-proxies', attribute: 'sex' }));
      if (options.hold) return new Promise((resolve) => (pending = resolve));
      return Promise.resolve(ok(outcome(request)));
    },
    stop() {},
    cancel() {
      pending?.(fail('cancelled'));
      pending = null;
    },
    dispose() {},
  };
  const training = createTrainingActions({
    store,
    trainer,
    persist: async () => {},
    currentFile: () => ({ blob: new Blob(['a,b\n1,2\n']), name: 'data.csv', version: 1 }),
  });
  const finish = () => {
    const request = requests.at(-1);
    if (request && pending) pending(ok(outcome(request)));
    pending = null;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { store, actions: training.actions, requests, finish, settle };
}

const GIVEN = { attribute: 'sex', fairness: 'demographic-parity' as const, lambda: 5 };

describe('trying remedies', () => {
  it('trains the baseline first, then every remedy on the same settings, each compared with it', async () => {
    const { store, actions, requests } = setup();
    await actions.tryAllRemedies(GIVEN);
    expect(requests.map((r) => r.mitigation?.method ?? 'plain')).toEqual([
      'plain',
      'reweigh',
      'resample',
      'penalty',
      'thresholds',
      'drop-proxies',
    ]);
    expect(requests.every((r) => r.choices.seed === requests[0].choices.seed)).toBe(true);
    const { runs, remediesEnded, remedies } = store.get();
    expect(runs).toHaveLength(6);
    expect(runs.slice(1).every((r) => r.baselineId === runs[0].id)).toBe(true);
    expect(remedies).toBeNull();
    expect(remediesEnded).toEqual({ finished: 6, total: 6, failed: [], stopped: null });
    // A second time the baseline is there already: only the remedies run.
    await actions.tryRemedy(GIVEN, 'reweigh');
    expect(requests.at(-1)?.mitigation?.method).toBe('reweigh');
    expect(requests).toHaveLength(7);
  });

  it('skips the penalty for the tree models, and records a remedy that fails without stopping', async () => {
    const { store, actions, requests } = setup({ model: 'tree', failing: 'drop-proxies' });
    await actions.tryAllRemedies(GIVEN);
    expect(requests.map((r) => r.mitigation?.method ?? 'plain')).toEqual([
      'plain',
      'reweigh',
      'resample',
      'thresholds',
      'drop-proxies',
    ]);
    const ended = store.get().remediesEnded;
    expect(ended).toMatchObject({ finished: 4, total: 5, stopped: null });
    expect(ended?.failed).toEqual([
      {
        method: 'drop-proxies',
        error: { code: 'mitigation-unavailable', params: { reason: 'no-proxies', attribute: 'sex' } },
      },
    ]);
  });

  it('stops when the data settings change meanwhile, and on Cancel, and says so', async () => {
    const changed = setup({ hold: true });
    const sequence = changed.actions.tryAllRemedies(GIVEN);
    await changed.settle();
    changed.finish(); // the baseline
    await changed.settle();
    changed.store.set((s) => ({ settings: { ...s.settings, target: 'other' } }));
    changed.finish(); // reweighing, started before the change
    await sequence;
    expect(changed.store.get().remediesEnded).toMatchObject({ finished: 2, stopped: 'settings-changed' });
    expect(changed.requests).toHaveLength(2);

    const cancelled = setup({ hold: true });
    const running = cancelled.actions.tryAllRemedies(GIVEN);
    await cancelled.settle();
    cancelled.finish();
    await cancelled.settle();
    expect(cancelled.store.get().remedies).toMatchObject({ index: 2, method: 'reweigh' });
    cancelled.actions.cancelTraining();
    await running;
    expect(cancelled.store.get().remediesEnded).toMatchObject({
      finished: 1,
      total: 6,
      stopped: 'cancelled',
    });
    expect(cancelled.store.get().runs).toHaveLength(1);
  });

  it('choosing a run shows it; a run that ends later is shown but the choice stays', async () => {
    const { store, actions } = setup();
    await actions.tryAllRemedies(GIVEN);
    const reweigh = store.get().runs[1];
    actions.chooseRun(reweigh.id);
    expect(store.get()).toMatchObject({ chosenRunId: reweigh.id, shownRunId: reweigh.id });
    expect(store.get().training?.id).toBe(reweigh.id);
    await actions.tryRemedy(GIVEN, 'resample');
    expect(store.get().chosenRunId).toBe(reweigh.id);
    expect(store.get().training?.mitigation?.method).toBe('resample');
  });
});
