/**
 * Messages to the page that embeds the workbench in an iframe (docs/embedding.md):
 *  - `lepton:trained` when a run finishes: which model, remedy and backend, how long it trained;
 *  - `lepton:results` then, and again when the figures shown change (threshold, chosen run): the headline
 *    metrics and the fairness audit per attribute. Figures only, never a row of the data.
 * Sent only inside a frame, to the `parent` origin of the URL (or any, `'*'`, since they hold no data).
 */
import type { Report } from '../report/report';
import type { AppState, Store } from './store';
import { shownRun, type TrainingRun } from './training';

/** Version of the messages' shape; a new field keeps it, a changed one bumps it. */
export const EMBED_MESSAGE_VERSION = 1;

export interface TrainedMessage {
  type: 'lepton:trained';
  version: typeof EMBED_MESSAGE_VERSION;
  runId: string;
  dataset: string;
  target: string;
  task: Report['task'];
  model: Report['model']['kind'];
  mitigation: string | null;
  backend: string;
  trainMs: number;
}

export interface ResultsMessage {
  type: 'lepton:results';
  version: typeof EMBED_MESSAGE_VERSION;
  runId: string;
  dataset: string;
  target: string;
  positiveClass: string | null;
  model: Report['model']['kind'];
  mitigation: string | null;
  /** Binary: the decision threshold of every figure; null otherwise. */
  threshold: number | null;
  /** Every single-number metric of the report (accuracy, rocAuc, f1, …; r2, mae, … for regression). */
  metrics: Record<string, number | null>;
  /** Per sensitive attribute (and pair): the differences between groups and each group's size and rate. */
  fairness: {
    attribute: string;
    demographicParityDifference: number | null;
    equalOpportunityDifference: number | null;
    equalizedOddsDifference: number | null;
    groups: { group: string; count: number; selectionRate: number | null }[];
  }[];
}

const figure = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function trainedMessage(run: TrainingRun, report: Report): TrainedMessage {
  return {
    type: 'lepton:trained',
    version: EMBED_MESSAGE_VERSION,
    runId: run.id,
    dataset: report.dataset.name,
    target: report.target,
    task: report.task,
    model: report.model.kind,
    mitigation: report.mitigation?.method ?? null,
    backend: report.model.backend,
    trainMs: report.model.trainMs,
  };
}

export function resultsMessage(run: TrainingRun, report: Report): ResultsMessage {
  const metrics: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(report.metrics))
    if (!Array.isArray(value)) metrics[name] = figure(value);
  return {
    type: 'lepton:results',
    version: EMBED_MESSAGE_VERSION,
    runId: run.id,
    dataset: report.dataset.name,
    target: report.target,
    positiveClass: report.positiveClass,
    model: report.model.kind,
    mitigation: report.mitigation?.method ?? null,
    threshold:
      report.task === 'binary' && !report.mitigation?.options?.rules ? (report.threshold ?? 0.5) : null,
    metrics,
    fairness: (report.fairness ?? []).flatMap((entry) =>
      'demographicParityDifference' in entry
        ? [
            {
              attribute: entry.attribute,
              demographicParityDifference: figure(entry.demographicParityDifference),
              equalOpportunityDifference: figure(entry.equalOpportunityDifference),
              equalizedOddsDifference: figure(entry.equalizedOddsDifference),
              groups: entry.groups.map((g) => ({
                group: g.group,
                count: g.count,
                selectionRate: figure(g.selectionRate),
              })),
            },
          ]
        : [],
    ),
  };
}

/**
 * Posts the messages as the store changes: `post` gets each message (the page passes
 * `parent.postMessage(message, origin)`); `reportOf` gives a run's report at its threshold. Results are sent
 * at most every `quietMs` while the threshold slider moves. Returns the unsubscribe function.
 */
export function postEmbedMessages(
  store: Store,
  post: (message: TrainedMessage | ResultsMessage) => void,
  reportOf: (run: TrainingRun) => Report | null,
  quietMs = 250,
): () => void {
  let lastResults = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let previous = store.get();
  const finished = (s: AppState) => {
    const run = shownRun(s);
    return run?.status === 'done' && run.outcome ? run : null;
  };
  const sendResults = () => {
    timer = null;
    const run = finished(store.get());
    const report = run && reportOf(run);
    if (!run || !report) return;
    const message = resultsMessage(run, report);
    const text = JSON.stringify(message);
    if (text === lastResults) return;
    lastResults = text;
    post(message);
  };
  const onChange = () => {
    const s = store.get();
    const before = previous.training;
    previous = s;
    if (s.phase !== 'ready') return;
    // `lepton:trained` only for a run that was training and has just finished: not for runs brought back by
    // a reload or an opened project.
    const latest = s.training;
    const justFinished =
      latest?.status === 'done' &&
      latest.outcome &&
      before?.id === latest.id &&
      (before.status === 'running' || before.status === 'stopping');
    if (justFinished) {
      const report = reportOf(latest);
      if (report) post(trainedMessage(latest, report));
      sendResults();
      return;
    }
    if (!timer) timer = setTimeout(sendResults, quietMs);
  };
  const stop = store.subscribe(onChange);
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
