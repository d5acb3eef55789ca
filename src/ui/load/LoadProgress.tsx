import { useI18n } from '../../i18n';
import type { AppState } from '../../state/store';

export function LoadProgress({
  loading,
  onCancel,
}: {
  loading: NonNullable<AppState['loading']>;
  onCancel: () => void;
}) {
  const { m, fmt } = useI18n();
  const { progress } = loading;
  const total = progress?.bytesTotal || loading.bytes;
  const done = progress?.bytesDone ?? 0;
  return (
    <div className="load-progress">
      <label htmlFor="load-progress-bar">{m.load.reading(loading.name)}</label>
      <progress id="load-progress-bar" max={total || 1} value={done} />
      <span className="muted" aria-live="polite">
        {progress && m.load.progress(fmt.integer(progress.rows), fmt.bytes(done), fmt.bytes(total))}
      </span>
      <button type="button" onClick={onCancel}>
        {m.load.cancel}
      </button>
    </div>
  );
}
