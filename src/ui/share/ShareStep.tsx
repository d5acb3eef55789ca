import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { shownRun } from '../../state/training';
import { Section } from '../components/Section';
import { useAppState } from '../context';
import { runName } from '../mitigate/runs';
import { reportOfRun } from '../results/live';
import { EmbedPanel } from './EmbedPanel';
import { ModelPanel } from './ModelPanel';
import { ProjectPanel } from './ProjectPanel';
import { ReportPanel } from './ReportPanel';

/**
 * Step 10, "Share and reuse": the report as a model card (HTML, Markdown), the project file, the model and
 * scoring a new file with it, and the embed snippet. The report and the model are those of the run shown.
 */
export function ShareStep({ lang }: { lang: string }) {
  const { m } = useI18n();
  const run = useAppState((s) => {
    const shown = shownRun(s);
    return shown?.status === 'done' && shown.outcome ? shown : null;
  });
  // Recomputed when the run or its threshold changes, not on every render of the step.
  const report = useMemo(() => (run?.outcome ? reportOfRun(run, run.outcome) : null), [run]);
  return (
    <Section id="share" n={10} title={m.app.steps.share} intro={m.share.intro}>
      {!run && <p className="muted">{m.share.needsRun}</p>}
      <div className="share-panels">
        {run && report && <ReportPanel run={run} runName={runName(m, run.mitigation, report)} />}
        <ProjectPanel />
        {run && report && <ModelPanel run={run} report={report} />}
        <EmbedPanel lang={lang} />
      </div>
    </Section>
  );
}
