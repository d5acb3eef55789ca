/**
 * English messages of step 10, "Share and reuse" (part of the English catalogue, en.ts, which imports it):
 * the model card report, project files, the exported model, scoring a new file, embedding; and the
 * language switch's and embed mode's own words.
 */

export const share = {
  intro:
    'Take your work with you: a report a manager can read, a project file that brings everything back, the model to score new rows, and a snippet to embed this demo in another page. Everything is made here in your browser.',
  needsRun: 'Train a model first (step 5): the report, the model and scoring need a finished run.',
  report: {
    title: 'Report',
    text: 'A model card: the data, the model, how good it is, the fairness audit with its intervals, what it relies on, and the runs compared. Fill in what only you know; it goes into the report as you write it.',
    intendedUse: 'Intended use',
    intendedUseHint: 'What decisions the model supports, and what it must not be used for.',
    peopleAffected: 'People affected',
    peopleAffectedHint: 'Who is scored by it, and who may be harmed by a wrong decision.',
    limitations: 'Limitations',
    limitationsHint: 'What you know it gets wrong, and the data it has not seen.',
    html: 'Download report (HTML)',
    markdown: 'Download report (Markdown)',
    which: (run: string) => `The report describes the run shown in steps 5–8: ${run}.`,
  },
  project: {
    title: 'Project',
    text: 'A project file keeps the settings, the cleaning steps and every run with its results. Open it later, or on another device, to continue where you left off.',
    includeData: 'Include the data in the file',
    includeDataHint:
      'Without it, the file holds no row of the data, only the results (figures, column and group names), and opening it asks for the same data file again (a built-in sample is found by itself). With it, anyone who gets the file gets the data too.',
    otherData: (name: string) =>
      `This file is not the one the project was saved with (its size differs). Choose the file "${name}".`,
    saveFailed:
      'The project could not be written (the data may be too large for one file). Save it without the data.',
    save: 'Save project',
    open: 'Open project',
    orOpen: 'or continue a saved project:',
    openHint:
      'A project file saved by Lepton Workbench (.lepton-project.json), or a model file from "Export model" to score new rows with it.',
    opened: (name: string) => `Project opened: ${name}.`,
    needsData: (name: string) =>
      `This project was saved without its data. Choose the file "${name}" to continue; nothing has changed yet.`,
    chooseData: 'Choose the data file',
    cancelOpen: 'Cancel',
  },
  model: {
    title: 'Model',
    text: 'The trained model with its cleaning and preprocessing, in one file. Score new rows with it here, or on a computer with the command below.',
    export: 'Export model',
    openedTitle: (name: string) => `Model file opened: ${name}`,
    openedText: (target: string, model: string, dataset: string) =>
      `It predicts "${target}" (${model}, trained on ${dataset}). Score a file with the same columns; no data needs to be loaded.`,
    closeModel: 'Close the model',
    noFits: 'This run was trained by an earlier version of the app: train it again to export it.',
    score: 'Score a new CSV',
    scoreHint:
      'A file with the same columns as the training file. Each row gets the model’s prediction; the target column may be missing.',
    scoring: (name: string) => `Scoring ${name}…`,
    scored: (rows: string, name: string) => `${rows} rows of ${name} scored.`,
    predicted: (list: string) => `Predicted: ${list}.`,
    predictedPart: (label: string, rows: string) => `"${label}" ${rows}`,
    extra: (list: string) => `Not used by the model, ignored: ${list}.`,
    unreadable: (column: string, cells: string) =>
      `${cells} cells of "${column}" are not numbers; they were treated as missing.`,
    thresholdsNote:
      'This run decides with a threshold per group; new rows are decided at the threshold ½ of its score.',
    download: 'Download predictions (CSV)',
    formulaNote:
      'Cells a spreadsheet would run as formulas (starting with =, +, -, @) get a leading apostrophe in the download.',
  },
  embed: {
    title: 'Embed',
    text: 'Show this workbench in a course page or a demo: the snippet opens the same sample with the same settings. It never holds your data.',
    onlySamples:
      'Only a built-in sample can be embedded: your own data never goes into a link. Load a sample to get a snippet.',
    snippet: 'Embed snippet',
    copy: 'Copy snippet',
    copied: 'Copied.',
    copyFailed: 'Copying was not allowed: select the text and copy it yourself.',
    frameTitle: 'Lepton Workbench',
    openFull: 'Open the full workbench',
  },
};

export type ShareMessages = typeof share;
