/**
 * The CLI's words for the app's error codes: the same failures the page explains, phrased for a terminal
 * (file names instead of "this file", flags instead of buttons).
 */
import type { AppError } from '../core/result';
import { en } from '../i18n/en';

/** A one-line explanation of a failure to read `file`. */
export function describeParseError(file: string, error: AppError): string {
  switch (error.code) {
    case 'empty-file':
      return `${file} is empty.`;
    case 'no-rows':
      return `${file} has no data rows.`;
    case 'one-column':
      return `${file} has only one column: its values may be separated by an unusual character.`;
    case 'binary-file':
      return `${file} is not a text file; save it as CSV first.`;
    case 'json-file':
      return `${file} holds JSON, not comma-separated values.`;
    case 'unreadable':
      return `${file} could not be decoded${error.params?.encoding ? ` (${error.params.encoding})` : ''}; save it as CSV UTF-8.`;
    default:
      return `${file}: ${en.errors[error.code](error.params ?? {}).title}`;
  }
}

/** A one-line explanation of a failed training run. */
export function describePipelineError(error: AppError, testFile: string | null): string {
  const p = error.params ?? {};
  switch (error.code) {
    case 'target-missing':
      return p.file === 'test'
        ? `${testFile ?? 'The test file'} has no column "${p.column}" (the target).`
        : `There is no target column "${p.column}".`;
    case 'target-one-class':
      return `"${p.column}" has only one value, so there is nothing to predict.`;
    case 'target-too-many-classes':
      return `"${p.column}" has ${p.classes} different values: too many classes to predict.`;
    case 'no-rows':
      return p.part === 'test'
        ? `No ${p.file === 'test' ? `row of ${testFile}` : 'row'} has a target value to test the model on.`
        : 'No row has a target value to train on.';
    case 'one-column':
      return 'No column can be used as a model input (the others are the target, sensitive attributes, identifiers, free text or dates).';
    case 'cancelled':
      return 'Training was cancelled.';
    case 'internal':
      return `Training failed: ${p.detail ?? 'an unexpected error'}.`;
    default:
      return en.errors[error.code](p).title;
  }
}
