import { useDeferredValue, useRef } from 'react';
import { shownRun } from '../../state/training';
import { useAppState } from '../context';
import { ExplainStep } from './ExplainStep';
import { FairnessStep } from './FairnessStep';
import { useLiveResults } from './live';
import { PerformanceStep } from './PerformanceStep';
import type { TrainOutcome } from '../../workers/trainProtocol';

function Results({ threshold, outcome }: { threshold: number | undefined; outcome: TrainOutcome }) {
  const live = useLiveResults({ threshold }, outcome);
  // Tables and sentences follow the threshold slider at once; charts and the what-if editor a moment later, in
  // a render React can interrupt, so dragging stays smooth.
  const charts = useDeferredValue(live);
  return (
    <>
      <PerformanceStep outcome={outcome} live={live} charts={charts} />
      <FairnessStep live={live} charts={charts} />
      <ExplainStep outcome={outcome} explanation={charts.explanation} threshold={charts.threshold} />
    </>
  );
}

/** Steps 6–8, once a run has finished: how good the model is, whether it is fair, why it decides so. */
export function ResultsSteps() {
  // While a remedy trains (or after one failed), the run shown before stays in view (see `shownRun`).
  const run = useAppState(shownRun);
  const done = run?.status === 'done' ? run.outcome : null;
  // A finished run's results appear in a deferred (time-sliced) render after its end is shown: three steps of
  // tables and charts at once would otherwise hold the main thread for hundreds of milliseconds. The threshold
  // is not deferred: the figures follow the slider in the same frame.
  const outcome = useDeferredValue(done, null);
  // What the steps showed last, kept while a newer run waits for its deferred render: otherwise the steps
  // (and step 9 below them) would vanish for a moment, and the page jump, each time a remedy ends.
  const last = useRef<{ id: string; outcome: TrainOutcome; threshold: number | undefined } | null>(null);
  if (!run || !done) {
    last.current = null;
    return null;
  }
  if (outcome === done) last.current = { id: run.id, outcome, threshold: run.threshold };
  const view = last.current;
  if (!view) return null;
  // A new run starts the results afresh (the chosen attribute, reference group and what-if row).
  return <Results key={view.id} threshold={view.threshold} outcome={view.outcome} />;
}
