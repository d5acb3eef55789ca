import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { modelFileName, type ModelFile } from '../../pipeline/modelFile';
import type { Report } from '../../report/report';
import type { TrainingRun } from '../../state/training';
import { useAppState, useController } from '../context';
import { downloadText } from '../results/download';
import { modelFileOf } from './exports';
import { ScoreWithModel } from './ScoreWithModel';

/** "Export model" and "Score a new CSV" with the run shown. */
export function ModelPanel({ run, report }: { run: TrainingRun; report: Report }) {
  const { m } = useI18n();
  const t = m.share.model;
  const model: ModelFile | null = useMemo(() => modelFileOf(run, report), [run, report]);
  const fileName = modelFileName(report.dataset.name, report.model.kind, report.mitigation?.method ?? null);
  return (
    <div className="share-panel">
      <h3>{t.title}</h3>
      <p>{t.text}</p>
      <p>
        <code className="command">
          {/* Each word kept whole: a line may break between words, never after a hyphen of "--csv". */}
          {['npm', 'run', 'cli', '--', '--model-file', fileName, '--csv', 'NEW.csv'].map((word, i) => (
            <span key={i}>
              {i > 0 && ' '}
              <span className="nowrap">{word}</span>
            </span>
          ))}
        </code>
      </p>
      {!model && <p className="warning">{t.noFits}</p>}
      <ScoreWithModel model={model}>
        <button
          type="button"
          disabled={!model}
          onClick={() =>
            model &&
            downloadText(
              // Stamped when it is exported, not when the step was drawn.
              JSON.stringify({ ...model, savedAt: new Date().toISOString() }),
              fileName,
              'application/json',
            )
          }
        >
          {t.export}
        </button>
      </ScoreWithModel>
      {run.mitigation?.method === 'thresholds' && <p className="muted">{t.thresholdsNote}</p>}
    </div>
  );
}

/**
 * A model file opened with "Open project" (no data needed): what it predicts, from which data, and scoring
 * a new CSV with it. Shown in step 1 until closed.
 */
export function OpenedModelPanel() {
  const { m } = useI18n();
  const t = m.share.model;
  const controller = useController();
  const opened = useAppState((s) => s.openedModel);
  if (!opened) return null;
  const { model } = opened;
  const kind = m.train.models[model.source.model];
  const modelName = model.task === 'regression' ? kind.regressionName : kind.name;
  return (
    <div className="share-panel opened-model" data-testid="opened-model">
      <h3>{t.openedTitle(opened.name)}</h3>
      <p>{t.openedText(model.target, modelName, model.source.dataset)}</p>
      <ScoreWithModel model={model}>
        <button type="button" className="button-quiet" onClick={controller.closeModel}>
          {t.closeModel}
        </button>
      </ScoreWithModel>
    </div>
  );
}
