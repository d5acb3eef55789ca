import { useState } from 'react';
import { useI18n } from '../../i18n';
import { FileButton } from '../components/FileButton';
import { useController } from '../context';
import { downloadText } from '../results/download';

/**
 * "Open project": a project file, and — when it was saved without its data — the data file it asks for.
 * Used in step 1 (a fresh page) and in step 10.
 */
export function OpenProject() {
  const { m } = useI18n();
  const p = m.share.project;
  const controller = useController();
  const [pending, setPending] = useState<{ file: File; data: string; otherData: boolean } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const open = async (file: File, data?: File) => {
    setOpened(null);
    const result = await controller.openProject(file, file.name, data);
    if (typeof result === 'object')
      setPending({ file, data: result.needsData, otherData: result.otherData ?? false });
    else {
      setPending(null);
      if (result === 'model') document.getElementById('load')?.scrollIntoView();
      if (result === 'opened') {
        setOpened(file.name);
        document.getElementById('load')?.scrollIntoView();
      }
    }
  };
  return (
    <div className="open-project">
      <FileButton
        label={p.open}
        accept=".json,application/json"
        description={p.openHint}
        onFile={(file) => void open(file)}
      />
      {pending && (
        <div className="alert alert-notice" role="status">
          <p>{pending.otherData ? p.otherData(pending.data) : p.needsData(pending.data)}</p>
          <div className="actions">
            <FileButton
              label={p.chooseData}
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              onFile={(data) => void open(pending.file, data)}
            />
            <button type="button" className="button-quiet" onClick={() => setPending(null)}>
              {p.cancelOpen}
            </button>
          </div>
        </div>
      )}
      <p role="status" className={opened ? 'ok-line' : 'visually-hidden'}>
        {opened && p.opened(opened)}
      </p>
    </div>
  );
}

/** "Save project" (with or without the data) and "Open project". */
export function ProjectPanel() {
  const { m } = useI18n();
  const p = m.share.project;
  const controller = useController();
  const [includeData, setIncludeData] = useState(true);
  const [failed, setFailed] = useState(false);
  const save = async () => {
    setFailed(false);
    try {
      const file = await controller.saveProject(includeData);
      if (file) downloadText(file.text, file.name, 'application/json');
    } catch {
      // A string longer than the browser allows (a data file of several hundred MB as base64).
      setFailed(true);
    }
  };
  return (
    <div className="share-panel">
      <h3>{p.title}</h3>
      <p>{p.text}</p>
      <label className="check">
        <input type="checkbox" checked={includeData} onChange={(e) => setIncludeData(e.target.checked)} />
        {p.includeData}
      </label>
      <p className="hint">{p.includeDataHint}</p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void save()}>
          {p.save}
        </button>
        <OpenProject />
      </div>
      {failed && (
        <p className="alert alert-error" role="alert">
          {p.saveFailed}
        </p>
      )}
    </div>
  );
}
