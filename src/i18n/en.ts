/**
 * English messages. Every user-facing string of the app lives in a catalogue like this one (the Train step's
 * in en.train.ts, imported below), so adding a language is one catalogue of the same shape (type Messages).
 * Functions take already-formatted values.
 */
import type { ColumnKind } from '../data/types';
import type { TaskKind } from '../data/settings';
import { errors } from './en.errors';
import { train } from './en.train';
import { results } from './en.results';
import { mitigate } from './en.mitigate';
import { card } from './en.card';
import { share } from './en.share';
import { a11y } from './en.a11y';

const kinds: Record<ColumnKind, string> = {
  numeric: 'Number',
  categorical: 'Category',
  boolean: 'Yes/no',
  date: 'Date',
  text: 'Free text',
  identifier: 'Identifier',
};

const tasks: Record<TaskKind, string> = {
  binary: 'Yes/no (two classes)',
  multiclass: 'Several classes',
  regression: 'A number (regression)',
};

export const en = {
  locale: 'en',
  /** The language's own name, as the "Language" select lists it. */
  languageName: 'English',
  /** Between the items of a list in a sentence. */
  listSeparator: ', ',
  app: {
    language: 'Language',
    title: 'Lepton Workbench',
    tagline: 'Fair, explainable ML in your browser',
    privacy: 'Your data stays on this device',
    startOver: 'Start over',
    dismiss: 'Dismiss message',
    stepsNav: 'Steps',
    startOverConfirm: 'Clear the loaded data and all choices from this browser?',
    restoring: 'Restoring your last session…',
    linkSession:
      'Opened from a link: what you do on this page is not saved in this browser, and your saved work is untouched. "Save project" (step 10) keeps it.',
    steps: {
      load: 'Load data',
      columns: 'Columns & cleaning',
      goal: 'What to predict',
      bias: 'Bias in the data',
      train: 'Train a model',
      performance: 'How good is it',
      fairness: 'Is it fair',
      explain: 'Why',
      mitigate: 'Make it fairer',
      share: 'Share and reuse',
    },
  },
  errors,
  kinds,
  tasks,
  load: {
    intro:
      'Drop a CSV file here, choose one from your device, or start with a sample. The file is read inside this page and never uploaded.',
    drop: 'Drop a CSV file here',
    upload: 'Upload CSV',
    dropHint:
      'A table saved as CSV or TSV from any spreadsheet: commas, semicolons, tabs or pipes between values, with or without a header row.',
    or: 'or try a sample:',
    /** The built-in samples' names and descriptions (samples.json holds the English, for other tools). */
    samples: {
      adult: {
        label: 'Adult income',
        description:
          'Records from the 1994 US census: predict whether a person earns more than $50K a year. Column names were added from the documentation and extra spaces trimmed; missing answers are shown as ?.',
      },
      german: {
        label: 'German credit',
        description:
          'Loan applicants at a German bank, each rated as a good or bad credit risk. Column names were added, the original codes decoded into words, and a sex column derived from personal status. Note: "personal status" still reveals sex (every woman is "divorced/separated/married"), so leaving sex out does not hide it from a model.',
      },
    } as Record<string, { label: string; description: string }>,
    reading: (name: string) => `Reading ${name}…`,
    progress: (rows: string, done: string, total: string) => `${rows} rows read (${done} of ${total})`,
    cancel: 'Cancel',
    loaded: (name: string, rows: string, cols: number) => `${name}: ${rows} rows, ${cols} columns`,
    options: 'Reading options',
    hasHeader: 'First row holds column names',
    delimiter: 'Delimiter',
    delimiters: { auto: 'Detect', ',': 'Comma ,', ';': 'Semicolon ;', '\t': 'Tab', '|': 'Pipe |' } as Record<
      string,
      string
    >,
    encoding: 'Text encoding',
    encodings: { auto: 'Detect', 'utf-8': 'UTF-8', 'windows-1252': 'Latin-1 / Windows-1252' } as Record<
      string,
      string
    >,
    preview: 'First rows',
    columnName: (n: number) => `Name of column ${n}`,
    nameTaken: (name: string) => `Another column is already called "${name}": choose a different name.`,
    headerlessHint: 'This file has no header row, so its columns got numbers. Give them names you recognise:',
  },
  notes: {
    title: 'What we noticed while reading the file',
    delimiter: (d: string, how: string) => `Values are separated by ${d} (${how}).`,
    delimiterHow: {
      'sep-line': 'from the "sep=" line',
      detected: 'detected',
      option: 'as you chose',
    } as Record<string, string>,
    delimiterNames: { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes (|)' } as Record<
      string,
      string
    >,
    decimalComma: 'Numbers use a decimal comma (1,5 was read as 1.5).',
    encodingFallback:
      'The text is not UTF-8; it was read as Latin-1 (Windows-1252) so accented letters show correctly.',
    bom: 'A byte-order mark at the start of the file was removed.',
    headerless: 'No header row was found: columns are numbered until you name them.',
    duplicates: (name: string, renamed: string) =>
      `The column name "${name}" appears more than once; the copies are called ${renamed}.`,
    unnamed: (n: number) =>
      `${n} column${n === 1 ? ' has' : 's have'} no name in the header and got a generated one.`,
    ragged: (short: number, long: number, lines: string) =>
      `${short + long} row${short + long === 1 ? '' : 's'} had a different number of values than the header (${short} too few, filled with missing values; ${long} too many, extra values ignored), for example on line ${lines}.`,
    malformed: (n: number) => `${n} row${n === 1 ? '' : 's'} had broken quoting and may be read incorrectly.`,
    missing: (list: string) => `Missing values were marked as ${list}.`,
    empty: 'empty cells',
  },
  profile: {
    intro:
      'Each column, what kind of values it holds, and what is missing. Change a kind if we guessed wrong, and choose how to clean a column.',
    kindOf: (name: string) => `Kind of ${name}`,
    missing: 'Missing',
    distinct: 'Distinct values',
    min: 'Min',
    max: 'Max',
    mean: 'Mean',
    median: 'Median',
    other: 'other values',
    mostCommon: (list: string) => `Most common: ${list}.`,
    chartLabel: (name: string) => `Distribution of ${name}`,
    unparsable: (n: string) => `${n} values are not numbers and are treated as missing.`,
    rowsAfterCleaning: (rows: string, total: string) => `${rows} of ${total} rows remain after cleaning.`,
    warnings: {
      'all-missing': () => 'Every value is missing: this column carries no information.',
      constant: (p: { value: string }) =>
        `Every row has the same value ("${p.value}"): it cannot help a model.`,
      'mostly-missing': (p: { share: string }) =>
        `${p.share} of the values are missing: consider leaving it out.`,
      identifier: () =>
        'Looks like an identifier (a different value in every row): it should not be used to predict.',
      'high-cardinality': (p: { distinct: string }) =>
        `${p.distinct} different values: too many categories for a model to learn from reliably.`,
    },
  },
  cleaning: {
    label: (name: string) => `Cleaning for ${name}`,
    none: 'Keep as it is',
    exclude: 'Leave this column out',
    imputeMedian: 'Fill missing with the median',
    imputeMode: 'Fill missing with the most common value',
    imputeConstant: 'Fill missing with a value…',
    dropMissing: 'Remove rows where it is missing',
    bin: 'Group numbers into ranges',
    constantValue: (name: string) => `Fill value for ${name}`,
    binEdges: (name: string) => `Range boundaries for ${name}`,
    binPlaceholder: 'empty: quartiles; or e.g. 25, 45',
    automaticRanges: 'its quartiles',
    steps: 'Cleaning steps',
    noSteps: 'No cleaning steps yet: the data is used as loaded.',
    remove: 'Remove step',
    describe: {
      exclude: (c: string) => `Leave out "${c}"`,
      impute: (c: string, how: string) => `Fill missing "${c}" with ${how}`,
      'drop-missing': (c: string) => `Remove rows where "${c}" is missing`,
      bin: (c: string, edges: string) => `Group "${c}" into ranges cut at ${edges}`,
    },
    how: { median: 'the median', mode: 'the most common value', constant: (v: string) => `"${v}"` },
    effect: (removed: string, filled: string) => `${removed} rows removed, ${filled} cells changed.`,
    excluded: 'The column is left out of everything that follows.',
    groupEffect: (attr: string, parts: string) => `By ${attr}: ${parts}.`,
    groupPart: (group: string, removed: string, before: string) => `${group} ${removed} of ${before}`,
    untouched: (n: number) => `No rows removed from the other ${n} group${n === 1 ? '' : 's'}.`,
    problems: {
      'missing-column': 'This column is no longer in the data: the step does nothing.',
      'not-numeric': 'Only number columns can be grouped into ranges.',
      'bad-constant': 'The fill value is not a number, but this is a number column.',
    },
  },
  goal: {
    intro:
      'Choose the column the model should learn to predict, and the attributes (such as sex, race or age) whose groups must be treated fairly.',
    target: 'Target column',
    choose: 'Choose a column…',
    positive: 'Positive class',
    positiveHint: 'The outcome of interest: fairness figures compare how often each group gets it.',
    task: 'Task',
    sensitive: 'Sensitive attributes',
    sensitiveHint:
      'People must not be treated unfairly because of these. They are left out of the model by default.',
    edges: (name: string) => `Group boundaries for ${name}`,
    sensitiveMissing: (name: string) =>
      `"${name}" is chosen as a sensitive attribute but a cleaning step leaves it out: remove that step to use it.`,
    tooManyGroups: (name: string, n: number) =>
      `"${name}" has ${n} different values: too many groups to compare. Group its values first (for numbers: "Group numbers into ranges").`,
    edgesHint: 'Numbers separated by commas, for example 25, 45, 65.',
    edgesInvalid: 'Type increasing numbers separated by commas.',
    groupsAre: (list: string) => `Groups: ${list}.`,
    include: 'Use sensitive attributes as model inputs',
    includeHint:
      'Off by default. Leaving them out does not remove bias by itself: other columns can stand in for them.',
    inputs: (n: number, list: string) =>
      `The model will learn from ${n} column${n === 1 ? '' : 's'}: ${list}.`,
    leftOut: (list: string) => `Left out: ${list}.`,
    reasons: {
      target: 'the target',
      sensitive: 'sensitive',
      identifier: 'identifier',
      text: 'free text',
      date: 'date',
    } as Record<string, string>,
  },
  train,
  results,
  mitigate,
  card,
  share,
  a11y,
  bias: {
    intro:
      'Before any model: how the outcome is spread across groups in the data itself. A model trained on this data tends to learn these differences.',
    needsChoices: 'Choose a target column and at least one sensitive attribute to see this.',
    rateOf: (outcome: string) => `Share with ${outcome}`,
    meanOf: (target: string) => `Average ${target}`,
    group: 'Group',
    rows: 'Rows',
    share: 'Share of rows',
    sentenceTwo: (a: string, rateA: string, b: string, rateB: string, outcome: string) =>
      `In this data, ${rateA} of ${a} and ${rateB} of ${b} have ${outcome}.`,
    sentenceMany: (low: string, lowRate: string, high: string, highRate: string, outcome: string) =>
      `In this data, the share with ${outcome} ranges from ${lowRate} (${low}) to ${highRate} (${high}).`,
    sentenceMean: (target: string, low: string, lowMean: string, high: string, highMean: string) =>
      `In this data, the average ${target} ranges from ${lowMean} (${low}) to ${highMean} (${high}).`,
    ratio: (ratio: string) => `Lowest rate ÷ highest rate: ${ratio}.`,
    passes: 'Meets the four-fifths guideline (at least 0.8).',
    fails:
      'Below the four-fifths guideline: the lowest group gets this outcome less than 80% as often as the highest.',
    small: (list: string) => `Too few rows to judge reliably (under 30): ${list}.`,
    uncounted: (n: string, target: string, attr: string) =>
      `${n} rows are not counted here because their ${target} or ${attr} is missing.`,
    chartLabel: (attr: string) => `Outcome rate by ${attr}`,
  },
};

export type Messages = typeof en;
