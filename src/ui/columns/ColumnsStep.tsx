import { useDeferredValue, useEffect } from 'react';
import { useI18n } from '../../i18n';
import { Section } from '../components/Section';
import { useAppState } from '../context';
import { ColumnCard } from './ColumnCard';
import { StepsList } from './StepsList';

export function ColumnsStep() {
  const { m, fmt } = useI18n();
  // Deferred: the store updates synchronously, but the grid of charts may render in interruptible slices,
  // so a large table's analysis never freezes the page in one long task.
  const analysis = useDeferredValue(
    useAppState((s) => s.analysis),
    null,
  );
  const total = useAppState((s) => s.dataset?.summary.report.rowCount ?? 0);
  const analysing = useAppState((s) => s.analysing);
  // For `npm run bench`: the analysis is on screen (this effect runs after the deferred render is committed).
  useEffect(() => {
    if (analysis) performance.mark('lepton:rendered');
  }, [analysis]);
  if (!analysis) return null;
  return (
    <Section id="columns" n={2} title={m.app.steps.columns} intro={m.profile.intro} busy={analysing}>
      <StepsList />
      <p className="dataset-line">
        {m.profile.rowsAfterCleaning(fmt.integer(analysis.rowCount), fmt.integer(total))}
      </p>
      <div className="column-grid">
        {analysis.profiles.map((profile) => (
          <ColumnCard
            key={profile.name}
            profile={profile}
            kind={analysis.kinds[profile.name] ?? profile.kind}
            unparsable={analysis.unparsable[profile.name]}
          />
        ))}
      </div>
    </Section>
  );
}
