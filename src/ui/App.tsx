import { useEffect, useMemo, useState } from 'react';
import { I18nContext, useI18n, type I18n } from '../i18n';
import { createFormatter } from '../i18n/format';
import { DEFAULT_LANGUAGE, initialLanguage, LANGUAGES, saveLanguage, savedLanguage } from '../i18n/languages';
import { postEmbedMessages } from '../state/embedMessages';
import type { UrlParams } from '../state/urlParams';
import { reportOfRun } from './results/live';
import { ShareStep } from './share/ShareStep';
import { StepBoundary } from './components/StepBoundary';
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

/** The "Language" select: every catalogue, each by its own name. */
function LanguageSelect({ lang, onChange }: { lang: string; onChange: (code: string) => void }) {
  const { m } = useI18n();
  return (
    <label className="language-select">
      {/* Also in English, so someone who cannot read the current language still finds the switch. */}
      {m === LANGUAGES[DEFAULT_LANGUAGE]
        ? m.app.language
        : `${m.app.language} / ${LANGUAGES[DEFAULT_LANGUAGE].app.language}`}
      <select value={lang} onChange={(e) => onChange(e.target.value)}>
        {Object.entries(LANGUAGES).map(([code, messages]) => (
          <option key={code} value={code} lang={messages.locale}>
            {messages.languageName}
          </option>
        ))}
      </select>
    </label>
  );
}

function Header({ lang, onLanguage }: { lang: string; onLanguage: (code: string) => void }) {
  const { m } = useI18n();
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
              'share',
            ] as const
          ).map((id) => (
            <a key={id} href={`#${id}`}>
              {m.app.steps[id]}
            </a>
          ))}
        </nav>
      )}
      <LanguageSelect lang={lang} onChange={onLanguage} />
      {hasData && (
        <button type="button" className="button-quiet" onClick={startOver}>
          {m.app.startOver}
        </button>
      )}
    </header>
  );
}

/** Embed mode's only chrome: the privacy promise, the language and a way out to the full page. */
function EmbedBar({ lang, onLanguage }: { lang: string; onLanguage: (code: string) => void }) {
  const { m } = useI18n();
  const full = new URL(window.location.href);
  full.searchParams.delete('embed');
  return (
    <header className="embed-bar">
      <p className="privacy">{m.app.privacy}</p>
      <LanguageSelect lang={lang} onChange={onLanguage} />
      <a href={full.toString()} target="_blank" rel="noopener">
        {m.share.embed.openFull}
      </a>
    </header>
  );
}

function Messages() {
  const controller = useController();
  const error = useAppState((s) => s.error);
  const notice = useAppState((s) => s.notice);
  const { m } = useI18n();
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

function Workflow({ lang, embed }: { lang: string; embed: boolean }) {
  const controller = useController();
  const phase = useAppState((s) => s.phase);
  const hasData = useAppState((s) => s.dataset !== null);
  const { m } = useI18n();
  return (
    <main>
      <Messages />
      {phase === 'restoring' && <p role="status">{m.app.restoring}</p>}
      {controller.ephemeral && !embed && <p className="alert alert-notice">{m.app.linkSession}</p>}
      <LoadStep />
      {hasData && (
        <>
          <StepBoundary>
            <ColumnsStep />
          </StepBoundary>
          <StepBoundary>
            <GoalStep />
          </StepBoundary>
          <StepBoundary>
            <BiasStep />
          </StepBoundary>
          <StepBoundary>
            <TrainStep />
          </StepBoundary>
          <StepBoundary>
            <ResultsSteps />
          </StepBoundary>
          <StepBoundary>
            <MitigationStep />
          </StepBoundary>
          {!embed && (
            <StepBoundary>
              <ShareStep lang={lang} />
            </StepBoundary>
          )}
        </>
      )}
    </main>
  );
}

export function App({ controller, params }: { controller: Controller; params: UrlParams }) {
  const [lang, setLang] = useState(() =>
    initialLanguage(
      params.lang,
      savedLanguage(),
      typeof navigator === 'undefined' ? [] : navigator.languages,
    ),
  );
  const i18n = useMemo<I18n>(() => {
    const m = LANGUAGES[lang];
    return { m, fmt: createFormatter(m.locale) };
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = i18n.m.locale;
    document.title = i18n.m.app.title;
  }, [i18n]);
  const onLanguage = (code: string) => {
    setLang(code);
    saveLanguage(code);
  };
  // Inside a frame, the page that embeds it hears when a run finishes and what the results are.
  useEffect(() => {
    if (window.parent === window) return;
    const target = params.parent ?? '*';
    return postEmbedMessages(
      controller.store,
      (message) => window.parent.postMessage(message, target),
      (run) => (run.outcome ? reportOfRun(run, run.outcome) : null),
    );
  }, [controller, params.parent]);
  return (
    <ControllerContext.Provider value={controller}>
      <I18nContext.Provider value={i18n}>
        {params.embed ? (
          <EmbedBar lang={lang} onLanguage={onLanguage} />
        ) : (
          <Header lang={lang} onLanguage={onLanguage} />
        )}
        <Workflow lang={lang} embed={params.embed} />
      </I18nContext.Provider>
    </ControllerContext.Provider>
  );
}
