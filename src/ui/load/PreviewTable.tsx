import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { renameColumn } from '../../state/settingsActions';
import { useAppState, useController } from '../context';

/** A column-name box that commits on blur or Enter, so every keystroke does not re-run the analysis. */
function NameInput({ index, name, others }: { index: number; name: string; others: string[] }) {
  const { m } = useI18n();
  const controller = useController();
  const [value, setValue] = useState(name);
  useEffect(() => setValue(name), [name]);
  const wanted = value.trim();
  // Two columns with one name could not be told apart by the target and sensitive choices.
  const taken = wanted !== name && others.includes(wanted);
  const commit = () => {
    if (wanted && wanted !== name && !taken) controller.update((s) => renameColumn(s, index, name, wanted));
    else if (!taken) setValue(name);
  };
  return (
    <>
      <input
        className="name-input"
        aria-label={m.load.columnName(index + 1)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        aria-invalid={taken}
        title={taken ? m.load.nameTaken(wanted) : undefined}
      />
      {taken && (
        <span className="name-taken" role="status">
          {m.load.nameTaken(wanted)}
        </span>
      )}
    </>
  );
}

/** The first rows as loaded; in a headerless file the column names are editable here. */
export function PreviewTable() {
  const { m } = useI18n();
  const dataset = useAppState((s) => s.dataset);
  const names = useAppState((s) => s.analysis?.allColumns);
  if (!dataset) return null;
  const { summary } = dataset;
  const columnNames = names ?? summary.columns.map((c) => c.name);
  const editable = !summary.report.hasHeader;
  return (
    <div className="preview">
      <h3>{m.load.preview}</h3>
      {editable && <p className="hint">{m.load.headerlessHint}</p>}

      <div className="table-scroll" tabIndex={0} role="region" aria-label={m.load.preview}>
        <table>
          <thead>
            <tr>
              {columnNames.map((name, i) => (
                <th key={i} scope="col">
                  {editable ? <NameInput index={i} name={name} others={columnNames} /> : name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.preview.map((row, r) => (
              <tr key={r}>
                {columnNames.map((_, c) => (
                  <td key={c} title={(row[c] ?? '').length > 40 ? row[c] : undefined}>
                    {row[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
