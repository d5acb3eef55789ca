import { memo, useId, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SMALL_GROUP } from '../../fairness/dataBias';
import { versusReference } from '../../fairness/disparities';
import { fairnessFinding } from '../../fairness/findings';
import { INTERSECTION_SEPARATOR } from '../../fairness/groupMetrics';
import { useI18n } from '../../i18n';
import type { AuditEntry, BinaryAuditEntry, RegressionAuditEntry } from '../../pipeline/audit';
import type { Report } from '../../report/report';
import { Section } from '../components/Section';
import { WhenVisible } from '../components/WhenVisible';
import type { LiveResults } from './live';

const RATES = ['selectionRate', 'baseRate', 'tpr', 'fpr', 'fnr', 'precision', 'accuracy'] as const;
type Rate = (typeof RATES)[number];
const DISPARITIES = [
  ['demographicParityDifference', 0],
  ['demographicParityRatio', 1],
  ['equalOpportunityDifference', 0],
  ['equalizedOddsDifference', 0],
  ['equalizedOddsRatio', 1],
  ['predictiveParityDifference', 0],
  ['accuracyDifference', 0],
] as const;

const isBinary = (e: AuditEntry): e is BinaryAuditEntry => 'demographicParityDifference' in e;

function Finding({ entry, positive }: { entry: BinaryAuditEntry; positive: string }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const finding = fairnessFinding(entry);
  if (!finding) return <p className="muted">{t.oneGroup}</p>;
  const { favoured, disfavoured, ratio, passesFourFifths, violated, smallGroups } = finding;
  return (
    <div className="fairness-finding" data-testid="fairness-finding">
      {ratio !== null && (
        <p className="finding" data-testid="four-fifths">
          {t.ratioSentence(disfavoured.group, positive, fmt.decimal(ratio, 2), favoured.group)}{' '}
          {t.ratesSentence(
            disfavoured.group,
            fmt.percent(disfavoured.rate, 1),
            favoured.group,
            fmt.percent(favoured.rate, 1),
          )}
        </p>
      )}
      {passesFourFifths !== null && (
        <p className={passesFourFifths ? 'verdict pass' : 'verdict fail'}>
          {passesFourFifths ? t.passes : t.fails}
        </p>
      )}
      <p data-testid="violated">
        {violated.length > 0 ? t.violated(violated.map((v) => t.definitions[v]).join(', ')) : t.noneViolated}{' '}
        <span className="muted">{t.toleranceNote}</span>
      </p>
      {smallGroups.length > 0 && <p className="warning">{t.smallGroups(smallGroups.join(', '))}</p>}
      {entry.groupsWithUndefinedRate.length > 0 && (
        <p className="muted">{t.undefinedGroups(entry.groupsWithUndefinedRate.join(', '))}</p>
      )}
    </div>
  );
}

const RateChart = memo(function RateChart({ entry, rate }: { entry: BinaryAuditEntry; rate: Rate }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  // A group whose rate is not defined (a TPR without positive rows) gets no bar: a 0 would read as the worst.
  const data = entry.groups
    .filter((g) => g[rate] !== null)
    .map((g) => {
      const value = g[rate];
      const [low, high] = g.intervals[rate];
      return {
        group: g.group,
        rate: value ?? 0,
        error: value === null || low === null || high === null ? [0, 0] : [value - low, high - value],
      };
    });
  const show = (v: number) => fmt.percent(v, 0);
  return (
    <figure
      className="chart"
      role="img"
      aria-label={t.chartLabel(t.rates[rate], entry.attribute)}
      data-testid="group-chart"
    >
      <ResponsiveContainer width="100%" height={48 + data.length * 32}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 1]} tickFormatter={show} />
          <YAxis type="category" dataKey="group" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => fmt.percent(Number(v), 1)} />
          <Bar dataKey="rate" name={t.short[rate]} fill="#0072B2" isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#333" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});

function GroupTable({ entry }: { entry: BinaryAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const cell = (value: number | null, [low, high]: [number | null, number | null]) =>
    value === null ? (
      <span className="muted">{t.notDefined}</span>
    ) : (
      <>
        {fmt.percent(value, 1)}
        <span className="interval">
          {' '}
          ({fmt.percent(low ?? NaN, 1)}–{fmt.percent(high ?? NaN, 1)})
        </span>
      </>
    );
  return (
    <div className="table-scroll-x">
      <table className="data-table group-table" data-testid="group-table">
        <caption>{t.tableCaption(entry.attribute)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col">{t.count}</th>
            {RATES.map((r) => (
              <th key={r} scope="col">
                {t.short[r]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entry.groups.map((g) => (
            <tr key={g.group} className={g.count < SMALL_GROUP ? 'small-group' : undefined}>
              <th scope="row">
                {g.group}
                {g.count < SMALL_GROUP && <span className="tag">{t.small}</span>}
              </th>
              <td className="number">{fmt.integer(g.count)}</td>
              {RATES.map((r) => (
                <td key={r} className="number">
                  {cell(g[r], g.intervals[r])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Disparities({ entry }: { entry: BinaryAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  return (
    <table className="data-table" data-testid="disparities">
      <caption>{t.disparities}</caption>
      <thead>
        <tr>
          <th scope="col">{t.disparity}</th>
          <th scope="col">{t.value}</th>
          <th scope="col">{t.ideal}</th>
        </tr>
      </thead>
      <tbody>
        {DISPARITIES.map(([key, ideal]) => (
          <tr key={key} data-disparity={key}>
            <th scope="row">{t.disparityNames[key]}</th>
            <td className="number">{entry[key] === null ? t.notDefined : fmt.decimal(entry[key], 3)}</td>
            <td className="number">{ideal}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each group against the reference group the user picks (Aequitas-style ratios). */
function VersusReference({
  entry,
  live,
  reference,
  setReference,
}: {
  entry: BinaryAuditEntry;
  live: LiveResults;
  reference: string | undefined;
  setReference: (group: string) => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const id = useId();
  const groups = live.index?.groupsAt(entry.attribute, live.threshold);
  const compared = groups && versusReference(groups, reference);
  if (!compared) return null;
  const shown: Rate[] = ['selectionRate', 'tpr', 'fpr', 'precision', 'accuracy'];
  return (
    <div data-testid="versus-reference">
      <div className="field field-narrow">
        <label htmlFor={`${id}-ref`}>{t.reference}</label>
        <select
          id={`${id}-ref`}
          value={compared.reference}
          onChange={(e) => setReference(e.target.value)}
          aria-describedby={`${id}-ref-hint`}
        >
          {entry.groups.map((g) => (
            <option key={g.group} value={g.group}>
              {g.group}
            </option>
          ))}
        </select>
        <span id={`${id}-ref-hint`} className="hint">
          {t.referenceHint}
        </span>
      </div>
      <div className="table-scroll-x">
        <table className="data-table">
          <caption>{t.versus(compared.reference)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              {shown.map((r) => (
                <th key={r} scope="col">
                  {t.short[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compared.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                {shown.map((r) => {
                  const ratio = g.rates[r].ratio;
                  const off = Number.isFinite(ratio) && (ratio < 0.8 || ratio > 1.25);
                  return (
                    <td key={r} className={off ? 'number off' : 'number'}>
                      {Number.isFinite(ratio) ? fmt.decimal(ratio, 2) : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RegressionAudit({ entry }: { entry: RegressionAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  return (
    <>
      <p className="muted">{t.regressionIntro}</p>
      <figure
        className="chart"
        role="img"
        aria-label={`${t.mae} · ${entry.attribute}`}
        data-testid="group-chart"
      >
        <ResponsiveContainer width="100%" height={48 + entry.groups.length * 32}>
          <BarChart data={entry.groups} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => fmt.compact(v)} />
            <YAxis type="category" dataKey="group" width={170} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => fmt.quantity(Number(v))} />
            <ReferenceLine x={0} stroke="#999" />
            <Legend />
            <Bar dataKey="mae" name={t.mae} fill="#0072B2" isAnimationActive={false} />
            <Bar dataKey="meanError" name={t.meanError} fill="#E69F00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <div className="table-scroll-x">
        <table className="data-table" data-testid="group-table">
          <caption>{t.regressionCaption(entry.attribute)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.meanPrediction}</th>
              <th scope="col">{t.meanError}</th>
              <th scope="col">{t.mae}</th>
            </tr>
          </thead>
          <tbody>
            {entry.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">
                  {g.group}
                  {g.count < SMALL_GROUP && <span className="tag">{t.small}</span>}
                </th>
                <td className="number">{fmt.integer(g.count)}</td>
                <td className="number">{fmt.quantity(g.meanPrediction ?? NaN)}</td>
                <td className="number">{fmt.quantity(g.meanError ?? NaN)}</td>
                <td className="number">{fmt.quantity(g.mae ?? NaN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const Proxies = memo(function Proxies({
  proxies,
  attribute,
}: {
  proxies: Report['proxies'];
  attribute: string;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const attributes = attribute.split(INTERSECTION_SEPARATOR);
  const all = proxies ?? [];
  return (
    <div className="proxies" data-testid="proxy-finder">
      <h3>{t.proxies}</h3>
      {attributes.map((a) => {
        const list = all.filter((p) => p.attribute === a).slice(0, 8);
        if (list.length === 0) return null;
        const chance = list[0].chance;
        return (
          <div key={a}>
            <p className="muted">{t.proxiesIntro(a)}</p>
            <table className="data-table proxy-table">
              <thead>
                <tr>
                  <th scope="col">{t.proxyColumn}</th>
                  <th scope="col">
                    {t.proxyScore}
                    {chance !== null && <span className="muted"> ({t.chance(fmt.percent(chance, 0))})</span>}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.feature}>
                    <th scope="row">{p.feature}</th>
                    <td>
                      <span className="meter" aria-hidden="true">
                        <span style={{ width: `${Math.max(0, (p.score ?? 0) * 100)}%` }} />
                      </span>
                      {p.score === null ? t.notDefined : fmt.percent(p.score, 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
});

const Glossary = memo(function Glossary() {
  const { m } = useI18n();
  return (
    <details className="glossary" data-testid="glossary">
      <summary>{m.results.fairness.glossary}</summary>
      <dl>
        {m.results.glossary.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});

/** Step 7: the per-group audit of every sensitive attribute and intersection, the proxy finder, the glossary. */
/** `charts`: the results a moment behind (see PerformanceStep). */
export function FairnessStep({ live, charts }: { live: LiveResults; charts: LiveResults }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const { report } = live;
  const entries = useMemo(() => report.fairness ?? [], [report.fairness]);
  const [attribute, setAttribute] = useState<string | null>(null);
  const [rate, setRate] = useState<Rate>('selectionRate');
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
                <select id={`${id}-rate`} value={rate} onChange={(e) => setRate(e.target.value as Rate)}>
                  {RATES.map((r) => (
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
                {t.atThreshold(fmt.decimal(live.threshold, 2))}
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
          <Proxies proxies={report.proxies} attribute={entry.attribute} />
          <Glossary />
        </>
      )}
    </Section>
  );
}
