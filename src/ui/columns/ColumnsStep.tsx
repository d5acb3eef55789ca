import { useI18n } from '../../i18n';
import { Section } from '../components/Section';
import { useAppState } from '../context';
import { ColumnCard } from './ColumnCard';
import { StepsList } from './StepsList';

export function ColumnsStep() {
  const { m, fmt } = useI18n();
  const analysis = useAppState((s) => s.analysis);
  const total = useAppState((s) => s.dataset?.summary.report.rowCount ?? 0);
  if (!analysis) return null;
  return (
    <Section id="columns" n={2} title={m.app.steps.columns} intro={m.profile.intro}>
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
