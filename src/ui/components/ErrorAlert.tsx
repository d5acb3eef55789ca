import type { AppError } from '../../core/result';
import { useI18n } from '../../i18n';

/** A failure in plain words, announced by screen readers (role="alert"). Text only: never HTML. */
export function ErrorAlert({
  error,
  subject,
  onDismiss,
}: {
  error: AppError;
  subject?: string;
  onDismiss?: () => void;
}) {
  const { m, fmt } = useI18n();
  const params = { ...error.params };
  if (typeof params.bytes === 'number') params.size = fmt.bytes(params.bytes);
  // A code this version does not know (an edited project file) reads as the general failure.
  const { title, hint } = (m.errors[error.code] ?? m.errors.internal)(params);
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <strong>{title}</strong> {subject && <span className="alert-subject">({subject})</span>}
        <p>{hint}</p>
      </div>
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss} aria-label={m.app.dismiss}>
          ×
        </button>
      )}
    </div>
  );
}
