import { memo } from 'react';
import type { ColumnProfile, ColumnWarning } from '../../data/profile';
import { COLUMN_KINDS, type ColumnKind } from '../../data/types';
import { useI18n, type Messages } from '../../i18n';
import type { Formatter } from '../../i18n/format';
import { setKind } from '../../state/settingsActions';
import { useController } from '../context';
import { CleaningControl } from './CleaningControl';
import { DistributionChart } from './DistributionChart';

function warningText(w: ColumnWarning, m: Messages, fmt: Formatter): string {
  const t = m.profile.warnings;
  switch (w.code) {
    case 'constant':
      return t.constant({ value: w.value });
    case 'mostly-missing':
      return t['mostly-missing']({ share: fmt.percent(w.share) });
    case 'high-cardinality':
      return t['high-cardinality']({ distinct: fmt.integer(w.distinct) });
    default:
      return t[w.code]();
  }
}

function KindSelect({ name, kind }: { name: string; kind: ColumnKind }) {
  const { m } = useI18n();
  const controller = useController();
  return (
    <label className="kind-select">
      <span className="visually-hidden">{m.profile.kindOf(name)}</span>
      <select
        aria-label={m.profile.kindOf(name)}
        value={kind}
        onChange={(e) => controller.update((s) => setKind(s, name, e.target.value as ColumnKind))}
      >
        {COLUMN_KINDS.map((k) => (
          <option key={k} value={k}>
            {m.kinds[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ColumnCardView({
  profile,
  kind,
  unparsable,
}: {
  profile: ColumnProfile;
  kind: ColumnKind;
  unparsable?: number;
}) {
  const { m, fmt } = useI18n();
  const p = m.profile;
  const stats: [string, string][] = [
    [p.missing, `${fmt.integer(profile.missing)} (${fmt.percent(profile.missingShare, 1)})`],
    [p.distinct, fmt.integer(profile.distinct)],
  ];
  if (profile.numeric) {
    const n = profile.numeric;
    stats.push(
      [p.min, fmt.decimal(n.min)],
      [p.max, fmt.decimal(n.max)],
      [p.mean, fmt.decimal(n.mean)],
      [p.median, fmt.decimal(n.median)],
    );
  }
  return (
    <article className="column-card" aria-label={profile.name} data-testid={`column-${profile.name}`}>
      <header>
        <h3 title={profile.name}>{profile.name}</h3>
        <KindSelect name={profile.name} kind={kind} />
      </header>
      <dl className="stats">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <DistributionChart profile={profile} />
      {profile.topValues && profile.topValues.length > 0 && (
        <p className="top-values">
          {p.mostCommon(
            profile.topValues
              .slice(0, 3)
              .map((v) => `${v.value} (${fmt.integer(v.count)})`)
              .join(', '),
          )}
        </p>
      )}
      {(profile.warnings.length > 0 || unparsable) && (
        <ul className="warnings">
          {unparsable ? <li>{p.unparsable(fmt.integer(unparsable))}</li> : null}
          {profile.warnings.map((w) => (
            <li key={w.code}>{warningText(w, m, fmt)}</li>
          ))}
        </ul>
      )}
      <CleaningControl column={profile.name} kind={kind} />
    </article>
  );
}

/**
 * Every analysis brings new profile objects, most of them unchanged: comparing their content spares redrawing
 * every chart after each click.
 */
export const ColumnCard = memo(
  ColumnCardView,
  (a, b) =>
    a.kind === b.kind &&
    a.unparsable === b.unparsable &&
    JSON.stringify(a.profile) === JSON.stringify(b.profile),
);
