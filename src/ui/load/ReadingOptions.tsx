import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { Delimiter, ParseOptions, TextEncoding } from '../../data/types';
import { useAppState, useController } from '../context';

/** A select whose first option, 'auto', means "detect it" and is reported as undefined. */
function AutoSelect(props: {
  label: string;
  options: Record<string, string>;
  value: string | undefined;
  disabled: boolean;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value ?? 'auto'}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value === 'auto' ? undefined : e.target.value)}
      >
        {Object.entries(props.options).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Overrides for what the parser detected: header row, delimiter, encoding. Changing one re-reads the file. */
export function ReadingOptions() {
  const { m } = useI18n();
  const controller = useController();
  const report = useAppState((s) => s.dataset?.summary.report);
  const parse = useAppState((s) => s.settings.parse);
  const busy = useAppState((s) => s.loading !== null);
  // The box shows the user's choice at once; when the re-read ends (or fails) it shows what the file has.
  const [pendingHeader, setPendingHeader] = useState<boolean | null>(null);
  useEffect(() => {
    if (!busy) setPendingHeader(null);
  }, [busy, report]);
  if (!report) return null;
  const reread = (change: ParseOptions) => void controller.reread({ ...parse, ...change });
  return (
    <details className="reading-options">
      <summary>{m.load.options}</summary>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={pendingHeader ?? report.hasHeader}
            disabled={busy}
            onChange={(e) => {
              setPendingHeader(e.target.checked);
              reread({ hasHeader: e.target.checked });
            }}
          />
          {m.load.hasHeader}
        </label>
        <AutoSelect
          label={m.load.delimiter}
          options={m.load.delimiters}
          value={parse.delimiter}
          disabled={busy}
          onChange={(delimiter) => reread({ delimiter: delimiter as Delimiter | undefined })}
        />
        <AutoSelect
          label={m.load.encoding}
          options={m.load.encodings}
          value={parse.encoding}
          disabled={busy}
          onChange={(encoding) => reread({ encoding: encoding as TextEncoding | undefined })}
        />
      </div>
    </details>
  );
}
