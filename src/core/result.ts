/**
 * Errors are values at module boundaries: a function that can fail for a reason the user must hear about
 * returns a Result instead of throwing. The `code` is translated into a plain-language message by the UI
 * (src/i18n), so computation never writes user-facing text.
 */
export interface AppError {
  code: ErrorCode;
  /** Values the message needs ("the file is 2.1 GB"); always plain data, safe to post between threads. */
  params?: Record<string, string | number>;
}

export type Result<T, E = AppError> = { ok: true; data: T } | { ok: false; reason: E };

export const ok = <T>(data: T): Result<T, never> => ({ ok: true, data });
export const fail = (code: ErrorCode, params?: AppError['params']): Result<never> => ({
  ok: false,
  reason: params ? { code, params } : { code },
});

/** Every failure the user can meet, one code each. Messages live in src/i18n. */
export type ErrorCode =
  | 'empty-file'
  | 'no-rows'
  | 'one-column'
  | 'binary-file'
  | 'json-file'
  | 'too-large'
  | 'unreadable'
  | 'parse-failed'
  | 'cancelled'
  | 'target-one-class'
  | 'target-empty'
  | 'target-too-many-classes'
  | 'target-missing'
  | 'mitigation-unavailable'
  | 'score-columns-missing'
  | 'model-file-invalid'
  | 'project-invalid'
  | 'storage-failed'
  | 'sample-unavailable'
  | 'worker-crashed'
  | 'internal';
