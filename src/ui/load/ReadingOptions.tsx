import { useI18n } from '../../i18n';
import type { Delimiter, ParseOptions, TextEncoding } from '../../data/types';
import { useAppState, useController } from '../context';

/** Overrides for what the parser detected: header row, delimiter, encoding. Changing one re-reads the file. */
export function ReadingOptions() {
  const { m } = useI18n();
  const controller = useController();
  const report = useAppState((s) => s.dataset?.summary.report);
  const parse = useAppState((s) => s.settings.parse);
  const busy = useAppState((s) => s.loading !== null);
  if (!report) return null;
  const reread = (change: ParseOptions) => void controller.reread({ ...parse, ...change });
  return (
    <details className="reading-options">
      <summary>{m.load.options}</summary>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={report.hasHeader}
            disabled={busy}
            onChange={(e) => reread({ hasHeader: e.target.checked })}
          />
          {m.load.hasHeader}
        </label>
        <label>
          {m.load.delimiter}{' '}
          <select
            value={parse.delimiter ?? 'auto'}
            disabled={busy}
            onChange={(e) =>
              reread({ delimiter: e.target.value === 'auto' ? undefined : (e.target.value as Delimiter) })
            }
          >
            {Object.entries(m.load.delimiters).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.load.encoding}{' '}
          <select
            value={parse.encoding ?? 'auto'}
            disabled={busy}
            onChange={(e) =>
              reread({ encoding: e.target.value === 'auto' ? undefined : (e.target.value as TextEncoding) })
            }
          >
            {Object.entries(m.load.encodings).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
