import { useState } from 'react';
import type { AppError } from '../../core/result';
import { useI18n } from '../../i18n';
import { modelFileName, type ModelFile } from '../../pipeline/modelFile';
import type { Report } from '../../report/report';
import type { TrainingRun } from '../../state/training';
import { scoreFile } from '../../workers/scoreClient';
import type { ScoreAnswer } from '../../workers/scoreProtocol';
import { ErrorAlert } from '../components/ErrorAlert';
import { FileButton } from '../components/FileButton';
import { downloadText } from '../results/download';
import { modelFileOf } from './exports';

type Scoring =
  | { state: 'idle' }
  | { state: 'busy'; name: string }
  | { state: 'done'; name: string; answer: ScoreAnswer }
  | { state: 'failed'; name: string; error: AppError };

/** "Export model" and "Score a new CSV" with the run shown. */
export function ModelPanel({ run, report }: { run: TrainingRun; report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.share.model;
  const [scoring, setScoring] = useState<Scoring>({ state: 'idle' });
  const model: ModelFile | null = modelFileOf(run, report);
  const fileName = modelFileName(report.dataset.name, report.model.kind, report.mitigation?.method ?? null);
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
  const predictionsName = (name: string) => `${name.replace(/\.[^.]+$/, '') || 'data'}-predictions.csv`;
  return (
    <div className="share-panel">
      <h3>{t.title}</h3>
      <p>{t.text}</p>
      {!model && <p className="warning">{t.noFits}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={!model}
          onClick={() => model && downloadText(JSON.stringify(model), fileName, 'application/json')}
        >
          {t.export}
        </button>
        <FileButton
          label={t.score}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={!model || scoring.state === 'busy'}
          onFile={(file) => void score(file)}
        />
      </div>
      <p className="hint">{t.scoreHint}</p>
      {run.mitigation?.method === 'thresholds' && <p className="muted">{t.thresholdsNote}</p>}
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
                    .join(', '),
                )}
              </p>
            )}
            {scoring.answer.columns.extra.length > 0 && (
              <p className="muted">{t.extra(scoring.answer.columns.extra.join(', '))}</p>
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
    </div>
  );
}
