import { useState } from 'react';
import { fileStem } from '../../core/files';
import type { AppError } from '../../core/result';
import { useI18n } from '../../i18n';
import type { ModelFile } from '../../pipeline/modelFile';
import { scoreFile } from '../../workers/scoreClient';
import type { ScoreAnswer } from '../../workers/scoreProtocol';
import { ErrorAlert } from '../components/ErrorAlert';
import { FileButton } from '../components/FileButton';
import { downloadText } from '../results/download';

type Scoring =
  | { state: 'idle' }
  | { state: 'busy'; name: string }
  | { state: 'done'; name: string; answer: ScoreAnswer }
  | { state: 'failed'; name: string; error: AppError };

const predictionsName = (name: string) => `${fileStem(name, 'data')}-predictions.csv`;

/**
 * "Score a new CSV" with a model file (the run shown, or a model file opened): the file is scored in a worker
 * of its own; the page shows how many rows, what was predicted, which columns were ignored, and offers the
 * predictions as CSV. `children` come before the file button (e.g. "Export model").
 */
export function ScoreWithModel({ model, children }: { model: ModelFile | null; children?: React.ReactNode }) {
  const { m, fmt } = useI18n();
  const t = m.share.model;
  const [scoring, setScoring] = useState<Scoring>({ state: 'idle' });
  const score = async (file: File) => {
    if (!model) return;
    setScoring({ state: 'busy', name: file.name });
    const result = await scoreFile(file, model);
    setScoring(
      result.ok
        ? { state: 'done', name: file.name, answer: result.data }
        : { state: 'failed', name: file.name, error: result.reason },
    );
  };
  return (
    <>
      <div className="actions">
        {children}
        <FileButton
          label={t.score}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={!model || scoring.state === 'busy'}
          onFile={(file) => void score(file)}
        />
      </div>
      <p className="hint">{t.scoreHint}</p>
      <div aria-live="polite">
        {scoring.state === 'busy' && <p role="status">{t.scoring(scoring.name)}</p>}
        {scoring.state === 'failed' && (
          <ErrorAlert
            error={scoring.error}
            subject={scoring.name}
            onDismiss={() => setScoring({ state: 'idle' })}
          />
        )}
        {scoring.state === 'done' && (
          <div className="scored" data-testid="scored">
            <p>{t.scored(fmt.integer(scoring.answer.rows), scoring.name)}</p>
            {scoring.answer.predicted.length > 0 && (
              <p>
                {t.predicted(
                  scoring.answer.predicted
                    .map((p) => t.predictedPart(p.label, fmt.integer(p.rows)))
                    .join(m.listSeparator),
                )}
              </p>
            )}
            {scoring.answer.columns.extra.length > 0 && (
              <p className="muted">{t.extra(scoring.answer.columns.extra.join(m.listSeparator))}</p>
            )}
            {scoring.answer.unreadable.map((u) => (
              <p key={u.column} className="warning">
                {t.unreadable(u.column, fmt.integer(u.cells))}
              </p>
            ))}
            <div className="actions">
              <button
                type="button"
                className="button-primary"
                onClick={() =>
                  downloadText(scoring.answer.csv, predictionsName(scoring.name), 'text/csv;charset=utf-8')
                }
              >
                {t.download}
              </button>
            </div>
            <p className="hint">{t.formulaNote}</p>
          </div>
        )}
      </div>
    </>
  );
}
