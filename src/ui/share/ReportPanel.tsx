import { useI18n } from '../../i18n';
import { modelCardHtml, modelCardMarkdown } from '../../report/modelCard';
import type { ModelCardFields } from '../../report/cardContent';
import type { TrainingRun } from '../../state/training';
import { useAppState, useController } from '../context';
import { downloadText, reportFileName } from '../results/download';
import { cardInputOf } from './exports';

const FIELDS: (keyof ModelCardFields)[] = ['intendedUse', 'peopleAffected', 'limitations'];

/** The model card: the user's three fields, and the HTML and Markdown downloads of the run shown. */
export function ReportPanel({ run, runName }: { run: TrainingRun; runName: string }) {
  const { m, fmt } = useI18n();
  const r = m.share.report;
  const controller = useController();
  const fields = useAppState((s) => s.cardFields);
  const download = (format: 'html' | 'md') => {
    const input = cardInputOf(m, run, controller.store.get());
    if (!input) return;
    const text =
      format === 'html' ? modelCardHtml(input, m.card, fmt) : modelCardMarkdown(input, m.card, fmt);
    const type = format === 'html' ? 'text/html' : 'text/markdown';
    downloadText(text, reportFileName(input.report, format), `${type};charset=utf-8`);
  };
  return (
    <div className="share-panel">
      <h3>{r.title}</h3>
      <p>{r.text}</p>
      <p className="muted">{r.which(runName)}</p>
      {FIELDS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`card-${key}`}>{r[key]}</label>
          <textarea
            id={`card-${key}`}
            value={fields[key]}
            aria-describedby={`card-${key}-hint`}
            onChange={(e) => controller.setCardFields({ ...fields, [key]: e.target.value })}
          />
          <p className="hint" id={`card-${key}-hint`}>
            {r[`${key}Hint`]}
          </p>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => download('html')}>
          {r.html}
        </button>
        <button type="button" onClick={() => download('md')}>
          {r.markdown}
        </button>
      </div>
    </div>
  );
}
