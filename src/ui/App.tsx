import { useMemo } from 'react';
import { defaultI18n, I18nContext } from '../i18n';
import type { Controller } from '../state/controller';
import { shownRun } from '../state/training';
import { BiasStep } from './bias/BiasStep';
import { ColumnsStep } from './columns/ColumnsStep';
import { ErrorAlert } from './components/ErrorAlert';
import { ControllerContext, useAppState, useController } from './context';
import { GoalStep } from './goal/GoalStep';
import { LoadStep } from './load/LoadStep';
import { MitigationStep } from './mitigate/MitigationStep';
import { ResultsSteps } from './results/ResultsSteps';
import { TrainStep } from './train/TrainStep';

function Header() {
  const { m } = defaultI18n;
  const controller = useController();
  const hasData = useAppState((s) => s.dataset !== null);
  const hasResults = useAppState((s) => {
    const shown = shownRun(s);
    return shown?.status === 'done' && shown.outcome !== null;
  });
  const hasRuns = useAppState((s) => s.runs.length > 0);
  const startOver = () => {
    if (window.confirm(m.app.startOverConfirm)) void controller.startOver();
  };
  return (
    <header className="app-header">
      <div>
        <h1>{m.app.title}</h1>
        <p className="tagline">{m.app.tagline}</p>
      </div>
      <p className="privacy">
        <svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14">
          <rect x="1" y="6" width="10" height="8" rx="1.5" fill="currentColor" />
          <path d="M3.5 6V4a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        {m.app.privacy}
      </p>
      {hasData && (
        <nav aria-label={m.app.stepsNav} className="step-nav">
          {(
            [
              'load',
              'columns',
              'goal',
              'bias',
              'train',
              ...(hasResults ? (['performance', 'fairness', 'explain'] as const) : []),
              ...(hasRuns ? (['mitigate'] as const) : []),
            ] as const
          ).map((id) => (
            <a key={id} href={`#${id}`}>
              {m.app.steps[id]}
            </a>
          ))}
        </nav>
      )}
      {hasData && (
        <button type="button" className="button-quiet" onClick={startOver}>
          {m.app.startOver}
        </button>
      )}
    </header>
  );
}

function Messages() {
  const controller = useController();
  const error = useAppState((s) => s.error);
  const notice = useAppState((s) => s.notice);
  const { m } = defaultI18n;
  return (
    <div className="messages">
      {error && (
        <ErrorAlert error={error.error} subject={error.subject} onDismiss={controller.dismissError} />
      )}
      <div role="status" className={notice ? 'alert alert-notice' : 'visually-hidden'}>
        {notice && `${m.errors[notice.code]({}).title} ${m.errors[notice.code]({}).hint}`}
      </div>
    </div>
  );
}

function Workflow() {
  const phase = useAppState((s) => s.phase);
  const hasData = useAppState((s) => s.dataset !== null);
  const { m } = defaultI18n;
  return (
    <main>
      <Messages />
      {phase === 'restoring' && <p role="status">{m.app.restoring}</p>}
      <LoadStep />
      {hasData && (
        <>
          <ColumnsStep />
          <GoalStep />
          <BiasStep />
          <TrainStep />
          <ResultsSteps />
          <MitigationStep />
        </>
      )}
    </main>
  );
}

export function App({ controller }: { controller: Controller }) {
  const i18n = useMemo(() => defaultI18n, []);
  return (
    <ControllerContext.Provider value={controller}>
      <I18nContext.Provider value={i18n}>
        <Header />
        <Workflow />
      </I18nContext.Provider>
    </ControllerContext.Provider>
  );
}
