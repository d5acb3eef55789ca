import { describe, expect, it } from 'vitest';
import type { Report } from '../report/report';
import { postEmbedMessages, type ResultsMessage } from './embedMessages';
import { createStore, initialState } from './store';
import type { TrainingRun } from './training';

const report = (threshold: number) =>
  ({
    dataset: { name: 'adult.csv' },
    target: 'income',
    task: 'binary',
    positiveClass: '>50K',
    model: { kind: 'logistic', backend: 'typescript', trainMs: 1200 },
    mitigation: null,
    threshold,
    metrics: { accuracy: 0.85, rocAuc: 0.9, confusion: [[1, 2]] },
    fairness: [
      {
        attribute: 'sex',
        demographicParityDifference: 0.18,
        equalOpportunityDifference: 0.1,
        equalizedOddsDifference: 0.1,
        groups: [{ group: 'Female', count: 5421, selectionRate: 0.07 }],
      },
    ],
  }) as unknown as Report;

const run = (id: string, status: TrainingRun['status'], threshold = 0.5) =>
  ({
    id,
    status,
    threshold,
    outcome: status === 'done' ? { report: report(threshold) } : null,
  }) as TrainingRun;

function setup() {
  const store = createStore({ ...initialState, phase: 'ready' });
  const sent: { type: string }[] = [];
  const stop = postEmbedMessages(
    store,
    (message) => sent.push(message),
    (r) => (r.outcome ? { ...r.outcome.report, threshold: r.threshold } : null),
    0,
  );
  return { store, sent, stop };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('embed messages', () => {
  it('announces a run that finishes, then its results, with figures only', async () => {
    const { store, sent } = setup();
    store.set({ training: run('a', 'running') });
    store.set({ training: run('a', 'done') });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['lepton:trained', 'lepton:results']);
    const results = sent[1] as ResultsMessage;
    expect(results.metrics).toEqual({ accuracy: 0.85, rocAuc: 0.9 });
    expect(results.fairness[0]).toMatchObject({ attribute: 'sex', demographicParityDifference: 0.18 });
    expect(results.threshold).toBe(0.5);
  });

  it('sends results again when the threshold moves, and nothing when nothing changed', async () => {
    const { store, sent } = setup();
    store.set({ training: run('a', 'running') });
    store.set({ training: run('a', 'done') });
    store.set({ training: run('a', 'done', 0.3) });
    await settle();
    store.set({ notice: null });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['lepton:trained', 'lepton:results', 'lepton:results']);
    expect((sent[2] as ResultsMessage).threshold).toBe(0.3);
  });

  it('does not announce runs brought back by a reload or a project as trained', async () => {
    const { store, sent } = setup();
    store.set({ training: run('old', 'done') });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['lepton:results']);
  });
});
