/**
 * English error messages (part of the English catalogue, en.ts, which imports it): for every error code
 * (src/core/result.ts), a title saying what happened and a hint saying what to do.
 */
import type { ErrorCode } from '../core/result';

type P = Record<string, string | number>;

/** Why a remedy for unfairness could not run (src/pipeline/mitigation.ts and train.ts), and what to do. */
function mitigationProblem(p: P): { title: string; hint: string } {
  switch (p.reason) {
    case 'penalty-needs-network':
      return {
        title: 'The fairness penalty works only for logistic regression and the neural network.',
        hint: 'Choose one of those models in step 5, or try another remedy: they all work with trees.',
      };
    case 'not-binary':
      return {
        title: 'Remedies for unfairness work only when the model predicts one of two outcomes.',
        hint: 'Pick a target with two values (or its positive class) in step 3.',
      };
    case 'no-sensitive':
      return {
        title: 'Choose a sensitive attribute first: a remedy needs a group to protect.',
        hint: 'Mark the column as sensitive in step 3, then try the remedy again.',
      };
    case 'no-validation':
      return {
        title: `${p.method === 'drop-proxies' ? 'The proxies to drop are' : 'Group thresholds are'} chosen on the validation rows, and this split has none.`,
        hint: 'Give the validation share a few percent in step 5 (Advanced settings), then try again.',
      };
    case 'attribute-missing-in-test':
      return {
        title: `The test file has no column "${p.attribute}", so no test row can get its group's threshold.`,
        hint: 'Use a test file with that column, or the test share of the split (step 5).',
      };
    case 'no-proxies':
      return {
        title: `No input column gives "${p.attribute}" away strongly enough to drop, and the attribute itself is already left out.`,
        hint: 'Dropping proxies would train the same model again; try another remedy.',
      };
    default:
      return {
        title: `"${p.attribute}" is not one of the sensitive attributes of this run.`,
        hint: 'Mark the column as sensitive in step 3, then try the remedy again.',
      };
  }
}

/**
 * A project or model file that cannot be read: another kind of file, one from a newer version, or a damaged
 * part (`reason` and `part` from src/core/files.ts envelopeProblem and each format's own checks).
 */
function fileProblem(
  p: P,
  words: {
    other: string;
    newer: string;
    damaged: (part: string) => string;
    newerHint: string;
    againHint: string;
  },
): { title: string; hint: string } {
  if (p.reason === 'newer-version') return { title: words.newer, hint: words.newerHint };
  if (p.reason === 'damaged')
    return { title: words.damaged(String(p.part ?? 'content')), hint: words.againHint };
  return { title: words.other, hint: words.againHint };
}

export const errors: Record<ErrorCode, (p: P) => { title: string; hint: string }> = {
  'empty-file': () => ({
    title: 'This file is empty.',
    hint: 'Choose a CSV file that contains a header row and data rows.',
  }),
  'no-rows': () => ({
    title: 'This file has column names but no data rows.',
    hint: 'Add at least one row of data below the header, or choose another file.',
  }),
  'one-column': () => ({
    title: 'Only one column was found in this file.',
    hint: 'A model needs at least two columns: one to predict and one to predict it from. If the file has more, its values may be separated by an unusual character: choose the delimiter under "Reading options".',
  }),
  'binary-file': (p) => ({
    title: `This is not a text file${p.format ? ` (it looks like a ${p.format})` : ''}.`,
    hint: 'Save your spreadsheet as "CSV (comma-separated values)" and load that file instead.',
  }),
  'json-file': () => ({
    title: 'This file holds JSON, not a table of comma-separated values.',
    hint: 'Convert it to CSV first (most spreadsheet programs can), then load the CSV file.',
  }),
  'too-large': (p) => ({
    title: `This file${p.size ? ` (${p.size})` : ''} is too large for this device's browser.`,
    hint: 'Use a sample of the rows (for example the first 500,000), or a device with more memory.',
  }),
  unreadable: (p) =>
    p.encoding === 'UTF-16'
      ? {
          title: 'This file is saved as UTF-16 ("Unicode text"), which cannot be read here yet.',
          hint: 'In your spreadsheet program choose "Save as", then "CSV UTF-8 (comma delimited)", and load that file.',
        }
      : {
          title: 'This file could not be read.',
          hint: 'Check that it is a text CSV file and that it is not open and locked by another program, then try again.',
        },
  'parse-failed': () => ({
    title: 'This file could not be read as a table.',
    hint: 'Open it in a spreadsheet program, save it as CSV, and load it again.',
  }),
  cancelled: () => ({ title: 'Loading was cancelled.', hint: 'The data you had before is still here.' }),
  'target-one-class': (p) => ({
    title: `"${p.column}" has only one value, so there is nothing to predict.`,
    hint: 'Choose another column as the target, or check that the cleaning steps did not remove the other values.',
  }),
  'target-too-many-classes': (p) => ({
    title: `"${p.column}" has ${p.classes} different values: too many classes to predict.`,
    hint: 'Choose a column with fewer values, or group its values first (for numbers: "Group numbers into ranges").',
  }),
  'target-missing': (p) => ({
    title: `The target column "${p.column}" is no longer in the data.`,
    hint: 'A cleaning step leaves it out, or it was renamed. Remove that step, or choose the column to predict again.',
  }),
  'target-empty': (p) => ({
    title: `"${p.column}" has no values left to predict.`,
    hint: 'Every value is missing, or none fits the kind chosen for it. Change its kind back, or choose another target.',
  }),
  'mitigation-unavailable': (p) => mitigationProblem(p),
  'score-columns-missing': (p) => ({
    title:
      p.count === 1
        ? `This file has no column "${p.columns}", which the model needs.`
        : `This file lacks ${p.count ?? 'some'} columns the model needs: ${p.columns}.`,
    hint: 'Use a file with the same column names as the file the model was trained on. Other columns may be there too: they are ignored.',
  }),
  'model-file-invalid': (p) =>
    fileProblem(p, {
      other: 'This is not a model file exported by Lepton Workbench.',
      newer: 'This model file was made by a newer version of Lepton Workbench.',
      damaged: (part) => `This model file is damaged or was edited (its ${part} does not fit).`,
      newerHint: 'Open it with the newest version of the app.',
      againHint: 'Export the model again from its project ("Export model"), and use that file unchanged.',
    }),
  'project-invalid': (p) =>
    fileProblem(p, {
      other: 'This is not a project file saved by Lepton Workbench.',
      newer: 'This project was saved by a newer version of Lepton Workbench.',
      damaged: (part) => `This project file is damaged or was edited (its ${part} does not fit).`,
      newerHint: 'Open it with the newest version of the app. Nothing here was changed.',
      againHint:
        'Nothing here was changed. Save the project again from the page it came from, and open that file unchanged.',
    }),
  'storage-failed': () => ({
    title: 'Your work could not be saved in this browser.',
    hint: 'Everything still works, but a reload will lose it. Private windows and full disks often cause this.',
  }),
  'sample-unavailable': () => ({
    title: 'The sample data could not be opened.',
    hint: 'Reload the page and try again.',
  }),
  'worker-crashed': () => ({
    title: 'The browser stopped the background task that reads your data (often for lack of memory).',
    hint: 'Reload the page; your data and choices are saved and will come back.',
  }),
  internal: () => ({
    title: 'Something went wrong on our side.',
    hint: 'Your data is safe. Reload the page; if it happens again, "Start over" clears the saved session.',
  }),
};
