import { useDeferredValue } from 'react';
import { useAppState } from '../context';
import { ExplainStep } from './ExplainStep';
import { FairnessStep } from './FairnessStep';
import { useLiveResults } from './live';
import { PerformanceStep } from './PerformanceStep';
import type { TrainingRun } from '../../state/training';
import type { TrainOutcome } from '../../workers/trainProtocol';

function Results({ run, outcome }: { run: TrainingRun; outcome: TrainOutcome }) {
  const live = useLiveResults(run, outcome);
  return (
    <>
      <PerformanceStep outcome={outcome} live={live} />
      <FairnessStep live={live} />
      <ExplainStep outcome={outcome} explanation={live.explanation} threshold={live.threshold} />
    </>
  );
}

/** Steps 6–8, once a run has finished: how good the model is, whether it is fair, why it decides so. */
export function ResultsSteps() {
  // Drawn in a deferred (time-sliced) render after the run's end is shown: three steps of tables and charts
  // at once would otherwise hold the main thread for hundreds of milliseconds as training ends.
  const run = useDeferredValue(
    useAppState((s) => s.training),
    null,
  );
  if (!run || run.status !== 'done' || !run.outcome) return null;
  // A new run starts the results afresh (the chosen attribute, reference group and what-if row).
  return <Results key={run.startedAt} run={run} outcome={run.outcome} />;
}
