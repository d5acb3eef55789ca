import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';

/**
 * Drag-and-drop target and the labelled file picker ("Upload CSV"), both handing one File on. A file dropped
 * anywhere on the page is taken too: otherwise the browser would leave the app to show the file.
 */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const { m } = useI18n();
  const inputId = useId();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const allow = (event: globalThis.DragEvent) => event.preventDefault();
    const drop = (event: globalThis.DragEvent) => {
      event.preventDefault();
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file && !disabled) onFile(file);
    };
    window.addEventListener('dragover', allow);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', allow);
      window.removeEventListener('drop', drop);
    };
  }, [onFile, disabled]);
  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      data-testid="dropzone"
    >
      <p className="dropzone-title">{m.load.drop}</p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must load it again
          if (file) onFile(file);
        }}
      />
      <label htmlFor={inputId} className="button">
        {m.load.upload}
      </label>
      <p className="dropzone-hint">{m.load.dropHint}</p>
    </div>
  );
}
