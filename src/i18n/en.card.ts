/**
 * English messages of the model card (src/report/modelCard.ts), a page a manager can read, built from a run's
 * report (part of the English catalogue, en.ts, which imports it). Self-contained, so the card can be rendered
 * from this object alone. Functions take already-formatted, already-escaped values; the card escapes the
 * plain strings itself.
 */
import { mitigate } from './en.mitigate';
import { results } from './en.results';
import type { TaskKind } from '../data/settings';
import type { FairnessDefinition } from '../fairness/findings';
import type { FairnessGoal, MitigationMethod } from '../pipeline/mitigation';
import type { Backend, ModelKind } from '../pipeline/types';

const tasks: Record<TaskKind, string> = {
  binary: 'Yes/no (two classes)',
  multiclass: 'Several classes',
  regression: 'A number (regression)',
};

/** Each model's name, and its name when it predicts a number. */
const models: Record<ModelKind, [string, string]> = {
  logistic: ['Logistic regression', 'Linear regression'],
  mlp: ['Neural network (MLP)', 'Neural network (MLP)'],
  tree: ['Decision tree', 'Decision tree'],
  boosted: ['Boosted trees', 'Boosted trees'],
};

const backends: Record<Backend, string> = {
  cpu: 'TensorFlow.js on the processor',
  wasm: 'TensorFlow.js, WebAssembly',
  webgl: 'TensorFlow.js, graphics card (WebGL)',
  webgpu: 'TensorFlow.js, graphics card (WebGPU)',
  typescript: 'Plain TypeScript on the processor',
};

/** The remedies' and goals' names, as step 9 says them. */
const methods = Object.fromEntries(Object.entries(mitigate.methods).map(([k, v]) => [k, v.name])) as Record<
  MitigationMethod,
  string
>;

const goals: Record<FairnessGoal, string> = mitigate.goals;

const definitions: Record<FairnessDefinition, string> = {
  'demographic-parity': 'demographic parity',
  'equal-opportunity': 'equal opportunity',
  'equalized-odds': 'equalized odds',
  'predictive-parity': 'predictive parity',
  'accuracy-equality': 'equal accuracy',
};

export const card = {
  /** The language of the card's text: the HTML document's `lang`. */
  locale: 'en',
  /** Between the items of a list in a sentence. */
  listSeparator: ', ',
  title: 'Model card',
  subtitle: (target: string, dataset: string) => `A model that predicts "${target}", trained on ${dataset}`,
  created: (when: string) => `Report made ${when}.`,
  app: 'Made with Lepton Workbench, in the browser: the data never left the device it was trained on.',
  notDefined: 'not defined',
  notFilled: 'not filled in',
  yes: 'yes',
  no: 'no',
  none: 'none',

  glance: 'At a glance',
  glanceTask: (task: string, target: string) => `Predicts "${target}": ${task}.`,
  glanceModel: (model: string) => `Model: ${model}.`,
  beats: (figure: string, value: string, baseline: string) =>
    `${figure} ${value}, better than the ${baseline} of a model that always gives the same answer.`,
  doesNotBeat: (figure: string, value: string, baseline: string) =>
    `${figure} ${value}, no better than the ${baseline} of a model that always gives the same answer.`,
  glanceFair: (attribute: string, verdict: string) => `${attribute}: ${verdict}`,
  chosenRun: 'This is the run the user chose to keep.',

  fields: {
    title: 'Purpose and limits',
    intro: 'Written by the people responsible for the model.',
    intendedUse: 'Intended use',
    peopleAffected: 'People affected',
    limitations: 'Limitations',
  },

  data: {
    title: 'The data',
    dataset: 'Data set',
    rows: 'Rows (after cleaning)',
    columns: 'Columns',
    testFile: 'Test file',
    testFileValue: (name: string, rows: string) => `${name} (${rows} rows)`,
    noTestFile: 'none: the test rows were split from the data set',
    target: 'Predicted column (target)',
    task: 'Task',
    positiveClass: 'Positive outcome',
    classes: 'Classes',
    sensitive: 'Sensitive attributes',
    noSensitive: 'none chosen: the model was not audited for fairness',
    split: 'Rows used',
    splitValue: (train: string, validation: string, test: string) =>
      `${train} to train, ${validation} to check while training (validation), ${test} to test`,
    seed: 'Seed (the same data, settings and seed give the same model)',
    cleaning: 'Cleaning steps',
    noCleaning: 'None: the data was used as loaded.',
  },

  model: {
    title: 'The model',
    kind: 'Kind',
    backend: 'Where it was trained',
    trainTime: 'Training time',
    seconds: (s: string) => `${s} s`,
    epochs: 'Passes over the training rows (epochs)',
    bestEpoch: 'Pass kept (best on the validation rows)',
    stoppedBy: 'Training ended',
    stopped: {
      epochs: 'every pass ran',
      'early-stopping': 'early: the validation loss stopped improving',
      user: 'stopped by the user (the best model so far was kept)',
    } as Record<string, string>,
    fallbacks: (list: string) => `Backends that failed during training: ${list}.`,
    fallback: (from: string, to: string, epoch: string) => `${from} → ${to} after ${epoch} passes`,
    options: 'Settings',
    option: 'Setting',
    value: 'Value',
    optionNames: {
      epochs: 'Most passes (epochs)',
      batchSize: 'Batch size',
      learningRate: 'Learning rate',
      l2: 'L2 penalty',
      patience: 'Patience (passes without improvement)',
      seed: 'Seed',
      hidden: 'Units per hidden layer',
      dropout: 'Dropout',
      maxDepth: 'Largest depth',
      minSamplesLeaf: 'Fewest rows per leaf',
      nEstimators: 'Most trees (rounds)',
      subsample: 'Share of rows per tree',
      lambda: 'L2 penalty on leaf values (λ)',
      earlyStoppingRounds: 'Rounds without improvement before stopping',
    } as Record<string, string>,
  },

  metrics: {
    title: 'How good it is',
    intro:
      'Scored on test rows the model never saw while learning, next to a model that always gives the same answer.',
    atThreshold: (t: string) => `Yes/no figures at decision threshold ${t}.`,
    groupThresholds: 'Each group is decided with its own threshold (see the remedy below).',
    table: 'Figures on the test rows',
    figure: 'Figure',
    value: 'Value',
    baseline: 'Always the same answer',
    names: {
      accuracy: 'Accuracy',
      baselineAccuracy: 'Baseline accuracy',
      balancedAccuracy: 'Balanced accuracy',
      precision: 'Precision',
      recall: 'Recall (true positive rate)',
      specificity: 'Specificity',
      f1: 'F1',
      rocAuc: 'ROC AUC',
      logLoss: 'Log loss',
      macroPrecision: 'Macro precision',
      macroRecall: 'Macro recall',
      macroF1: 'Macro F1',
      mae: 'Mean absolute error',
      rmse: 'RMSE',
      r2: 'R²',
      baselineRmse: 'Baseline RMSE',
    } as Record<string, string>,
    confusion: 'Test rows by true class (rows) and predicted class (columns)',
    actual: 'Actual',
    predicted: (cls: string) => `Predicted ${cls}`,
  },

  fairness: {
    title: 'Is it fair',
    intro:
      'How the model treats the groups of each sensitive attribute, and their combinations, on the test rows. Each rate comes with its 95% interval: a wide interval means too few rows to be sure.',
    noAudit: 'No fairness audit: no sensitive attribute was chosen, or the test rows lack them.',
    multiclass: 'Models with several classes are not audited for fairness yet.',
    attribute: (attribute: string) => `By ${attribute}`,
    chart: (attribute: string) =>
      `Selection rate (share predicted positive) by ${attribute}, with 95% intervals`,
    groups: (attribute: string) => `Figures per group of ${attribute}`,
    group: 'Group',
    count: 'Test rows',
    rates: {
      baseRate: 'Base rate (truly positive)',
      selectionRate: 'Selection rate (predicted positive)',
      tpr: 'True positive rate',
      fpr: 'False positive rate',
    } as Record<string, string>,
    disparities: 'Differences between groups (worst case, as Fairlearn defines them)',
    measure: 'Measure',
    value: 'Value',
    fairAt: 'Fair at',
    // The same names as the results page's.
    disparityNames: results.fairness.disparityNames,
    findings: 'In plain words',
    ratioSentence: (low: string, positive: string, ratio: string, high: string) =>
      `The group "${low}" is predicted "${positive}" ${ratio} times as often as "${high}"; the four-fifths guideline asks for at least 0.8.`,
    ratesSentence: (low: string, lowRate: string, high: string, highRate: string) =>
      `(${lowRate} of "${low}" against ${highRate} of "${high}".)`,
    passes: 'This meets the four-fifths guideline.',
    fails: 'This falls short of the four-fifths guideline.',
    violated: (list: string) => `Definitions not met: ${list}.`,
    noneViolated: 'Every definition is met within its tolerance.',
    toleranceNote: 'A difference above 0.1 counts as not met: a rule of thumb, not a legal standard.',
    oneGroup: 'Only one group has test rows: there is nothing to compare.',
    smallGroups: (list: string) => `Too few test rows to judge: ${list}. Their intervals are wide.`,
    undefinedGroups: (list: string) =>
      `Some rates are not defined for ${list} (no rows to compute them on); those groups are left out of the affected differences.`,
    definitions,
    glancePasses: 'meets the four-fifths guideline',
    glanceFails: 'falls short of the four-fifths guideline',
    glanceViolated: (list: string) => `; not met: ${list}`,
    regression: (attribute: string) => `Errors per group of ${attribute}`,
    meanPrediction: 'Average prediction',
    meanError: 'Average error (positive: too high)',
    mae: 'Average size of error',
  },

  importance: {
    title: 'What the model leans on',
    intro: (score: string) =>
      `Each column's values were shuffled among the test rows; the bar is how much the test ${score} drops on average (the line: its spread). Top columns only.`,
    scoreNames: { accuracy: 'accuracy', r2: 'R²' } as Record<string, string>,
    chart: 'Drop in score when each column is shuffled',
    column: 'Column',
    drop: 'Drop',
    spread: 'Spread (±)',
    notMeasured: 'Not measured for this run.',
    more: (n: string) => `${n} more columns matter less.`,
  },

  proxies: {
    title: 'Columns that stand in for a sensitive attribute',
    intro:
      'How well each input column alone guesses the attribute (balanced accuracy on rows not used to fit the guess). Leaving the attribute out of the model does not remove it when such a column is an input.',
    attribute: (attribute: string) => `Guessing ${attribute}`,
    column: 'Column',
    score: 'Guesses it with',
    chance: 'By chance',
    none: 'No proxy check for this run.',
  },

  mitigation: {
    title: 'Remedy for unfairness',
    none: 'None: a plain model, trained without a remedy.',
    method: 'Remedy',
    methods,
    attribute: 'Protects',
    goal: 'Fairness goal',
    goals,
    lambda: 'Penalty strength (λ)',
    dropped: 'Columns left out',
    trainingRows: 'Training rows after resampling',
    rules: 'Each group’s decision rule',
    ruleGroup: 'Group',
    ruleLow: 'Never selected at or below',
    ruleHigh: 'Always selected above',
    rulePBetween: 'Chance in between',
    ruleMix: 'Weight of the rule',
    everybody: 'everybody',
    validationAccuracy: 'Accuracy on the validation rows',
    validationViolation: 'Largest gap left on the validation rows',
    baseline: 'Against the same model trained without the remedy',
    plainRun: 'Without the remedy',
    thisRun: 'With the remedy',
  },

  runs: {
    title: 'Runs compared',
    intro: (attribute: string) =>
      `Every run trained on the same data, split and seed; differences between groups of ${attribute} (smaller is fairer).`,
    run: 'Run',
    accuracy: 'Accuracy',
    dp: 'Demographic parity difference',
    eop: 'Equal opportunity difference',
    eodds: 'Equalized odds difference',
    chosen: 'Chosen',
    chosenMark: '✔ chosen',
    noneChosen: 'No run was chosen.',
    chosenNote: (run: string) => `The run kept: ${run}.`,
  },

  tasks,
  models,
  backends,
};

/** The shape every language's model-card messages take. */
export type ModelCardMessages = typeof card;
