import { useEffect, useId, useState } from 'react';
import type { ColumnKind } from '../../data/types';
import { parseEdges } from '../../data/groups';
import { useI18n } from '../../i18n';
import { setSensitiveEdges, toggleSensitive } from '../../state/settingsActions';
import type { SensitiveSummary } from '../../workers/protocol';
import { useAppState, useController } from '../context';

const GROUPABLE = new Set<ColumnKind>(['categorical', 'boolean', 'numeric']);

/** Boundaries of a numeric sensitive attribute's groups, typed as "25, 45, 65"; invalid text is explained. */
function EdgesInput({ summary }: { summary: SensitiveSummary }) {
  const { m } = useI18n();
  const controller = useController();
  const current = (summary.edges ?? []).join(', ');
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const edges = parseEdges(text);
  const invalid = text.trim() !== '' && edges === null;
  const commit = () => {
    if (!invalid) controller.update((s) => setSensitiveEdges(s, summary.column, edges ?? undefined));
  };
  const id = useId();
  return (
    <div className="edges">
      <label htmlFor={id}>{m.goal.edges(summary.column)}</label>
      <input
        id={id}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span id={`${id}-hint`} className={invalid ? 'warning' : 'muted'}>
        {invalid ? m.goal.edgesInvalid : m.goal.edgesHint}
      </span>
    </div>
  );
}

/** The checkbox group "Sensitive attributes", with the groups each chosen attribute makes. */
export function SensitivePicker() {
  const { m } = useI18n();
  const controller = useController();
  const profiles = useAppState((s) => s.analysis?.profiles ?? []);
  const problems = useAppState((s) => s.analysis?.sensitiveProblems ?? []);
  const target = useAppState((s) => s.settings.target);
  const chosen = useAppState((s) => s.settings.sensitive);
  const summaries = useAppState((s) => s.analysis?.sensitive ?? []);
  return (
    <fieldset className="sensitive">
      <legend>{m.goal.sensitive}</legend>
      <p className="hint">{m.goal.sensitiveHint}</p>
      <div className="checks">
        {profiles
          // Identifiers, free text and dates make no groups; one already chosen stays so it can be unticked.
          .filter(
            (p) => p.name !== target && (GROUPABLE.has(p.kind) || chosen.some((c) => c.column === p.name)),
          )
          .map(({ name: column }) => (
            <label key={column} className="check">
              <input
                type="checkbox"
                checked={chosen.some((s) => s.column === column)}
                onChange={(e) => controller.update((s) => toggleSensitive(s, column, e.target.checked))}
              />
              {column}
            </label>
          ))}
      </div>
      {problems.map((p) => (
        <p key={p.column} className="warning">
          {p.reason === 'missing'
            ? m.goal.sensitiveMissing(p.column)
            : m.goal.tooManyGroups(p.column, p.groups ?? 0)}
        </p>
      ))}
      {summaries.map((summary) => (
        <div key={summary.column} className="sensitive-groups">
          <strong>{summary.column}</strong>: {m.goal.groupsAre(summary.groups.join(', '))}
          {summary.edges && <EdgesInput summary={summary} />}
        </div>
      ))}
    </fieldset>
  );
}
