import { useI18n } from '../../i18n';
import { Section } from '../components/Section';
import { useAppState, useController } from '../context';
import { DropZone } from './DropZone';
import { LoadProgress } from './LoadProgress';
import { ParseNotes } from './ParseNotes';
import { PreviewTable } from './PreviewTable';
import { ReadingOptions } from './ReadingOptions';
import { OpenedModelPanel } from '../share/ModelPanel';
import { OpenProject } from '../share/ProjectPanel';
import { useSamples } from './useSamples';

export function LoadStep() {
  const { m, fmt } = useI18n();
  const controller = useController();
  const samples = useSamples();
  const loading = useAppState((s) => s.loading);
  const dataset = useAppState((s) => s.dataset);
  const rowCount = useAppState((s) => s.dataset?.summary.report.rowCount ?? 0);
  return (
    <Section id="load" n={1} title={m.app.steps.load} intro={m.load.intro}>
      <div className="load-sources">
        <DropZone
          onFile={(file) =>
            // A project file dropped here is opened as a project, not read as a table.
            void (/\.lepton-project\.json$/i.test(file.name)
              ? controller.openProject(file, file.name)
              : controller.loadFile(file, file.name))
          }
          disabled={loading !== null}
        />
        <div className="samples">
          <p>{m.load.or}</p>
          {samples.map((sample) => (
            <div key={sample.id} className="sample">
              <button
                type="button"
                disabled={loading !== null}
                onClick={() => void controller.loadSample(sample)}
              >
                {m.load.samples[sample.id]?.label ?? sample.label}
              </button>
              <span className="muted">{m.load.samples[sample.id]?.description ?? sample.description}</span>
            </div>
          ))}
          {!dataset && (
            <>
              <p>{m.share.project.orOpen}</p>
              <OpenProject />
            </>
          )}
        </div>
      </div>
      <OpenedModelPanel />
      {loading && <LoadProgress loading={loading} onCancel={controller.cancelLoad} />}
      {dataset && (
        <>
          <p className="dataset-line" data-testid="dataset-summary">
            {m.load.loaded(dataset.name, fmt.integer(rowCount), dataset.summary.columns.length)}
          </p>
          <ParseNotes report={dataset.summary.report} />
          <ReadingOptions />
          <PreviewTable />
        </>
      )}
    </Section>
  );
}
