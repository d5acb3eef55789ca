import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { AUDIT_RATES, type AuditEntry, type AuditRate, type BinaryAuditEntry } from '../../pipeline/audit';
import { Section } from '../components/Section';
import { WhenVisible } from '../components/WhenVisible';
import { Glossary } from './Glossary';
import { Disparities, Finding, GroupTable, RateChart, VersusReference } from './GroupAudit';
import type { LiveResults } from './live';
import { ProxyFinder } from './ProxyFinder';
import { RegressionAudit } from './RegressionAudit';

const isBinary = (e: AuditEntry): e is BinaryAuditEntry => 'demographicParityDifference' in e;

/**
 * Step 7: the per-group audit of every sensitive attribute and intersection, the proxy finder, the glossary.
 * `charts`: the results a moment behind (see PerformanceStep).
 */
export function FairnessStep({ live, charts }: { live: LiveResults; charts: LiveResults }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const { report } = live;
  const entries = useMemo(() => report.fairness ?? [], [report.fairness]);
  const [attribute, setAttribute] = useState<string | null>(null);
  const [rate, setRate] = useState<AuditRate>('selectionRate');
  const [references, setReferences] = useState<Record<string, string>>({});
  const id = useId();
  const entry = entries.find((e) => e.attribute === attribute) ?? entries[0];
  const chartEntry = charts.report.fairness?.find(
    (e): e is BinaryAuditEntry => e.attribute === entry?.attribute && isBinary(e),
  );
  return (
    <Section id="fairness" n={7} title={m.app.steps.fairness} intro={t.intro}>
      {report.task === 'multiclass' ? (
        <p className="muted">{t.multiclass}</p>
      ) : !entry ? (
        <p className="muted">{report.sensitive.length > 0 ? t.noAuditTest : t.noAudit}</p>
      ) : (
        <>
          <div className="row fairness-controls">
            <div className="field">
              <label htmlFor={`${id}-attr`}>{t.attribute}</label>
              <select
                id={`${id}-attr`}
                value={entry.attribute}
                onChange={(e) => setAttribute(e.target.value)}
              >
                {entries.map((e) => (
                  <option key={e.attribute} value={e.attribute}>
                    {e.attribute}
                  </option>
                ))}
              </select>
            </div>
            {isBinary(entry) && (
              <div className="field">
                <label htmlFor={`${id}-rate`}>{t.rate}</label>
                <select id={`${id}-rate`} value={rate} onChange={(e) => setRate(e.target.value as AuditRate)}>
                  {AUDIT_RATES.map((r) => (
                    <option key={r} value={r}>
                      {t.rates[r]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {isBinary(entry) ? (
            <div data-testid={`audit-${entry.attribute}`}>
              <p className="muted" data-testid="audit-threshold">
                {live.index
                  ? t.atThreshold(fmt.decimal(live.threshold, 2))
                  : report.mitigation?.method === 'thresholds'
                    ? m.mitigate.groupThresholdsNote
                    : t.atThreshold(fmt.decimal(live.threshold, 2))}
              </p>
              <Finding entry={entry} positive={report.positiveClass ?? ''} />
              <WhenVisible height={48 + entry.groups.length * 32}>
                <RateChart entry={chartEntry ?? entry} rate={rate} />
              </WhenVisible>
              <GroupTable entry={entry} />
              <div className="results-grid">
                <Disparities entry={entry} />
                <VersusReference
                  entry={entry}
                  live={live}
                  reference={references[entry.attribute]}
                  setReference={(group) => setReferences((r) => ({ ...r, [entry.attribute]: group }))}
                />
              </div>
            </div>
          ) : (
            <div data-testid={`audit-${entry.attribute}`}>
              <RegressionAudit entry={entry} />
            </div>
          )}
          <ProxyFinder proxies={report.proxies} attribute={entry.attribute} />
          <Glossary />
        </>
      )}
    </Section>
  );
}
