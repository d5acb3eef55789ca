/**
 * English messages of step 9, "Make it fairer": the remedies for a disparity the audit found, each in two
 * plain sentences with when it fits and when it does not, and the comparison of runs.
 */
import type { FairnessGoal, MitigationMethod } from '../pipeline/mitigation';

const goals: Record<FairnessGoal, string> = {
  'demographic-parity': 'Demographic parity (same selection rate)',
  'equal-opportunity': 'Equal opportunity (same true positive rate)',
  'equalized-odds': 'Equalized odds (same true and false positive rates)',
};

/** The disparity each goal is judged by, as the comparison's column and the chart's axis name it. */
const goalDisparity: Record<FairnessGoal, string> = {
  'demographic-parity': 'Demographic parity difference',
  'equal-opportunity': 'Equal opportunity difference',
  'equalized-odds': 'Equalized odds difference',
};

const methods: Record<MitigationMethod, { name: string; what: string; fits: string; notFor: string }> = {
  reweigh: {
    name: 'Reweighing',
    what: 'Training rows get weights so that, in the eyes of the model, group and outcome are unrelated: rare combinations (such as women with a high income) count more. The data itself is not changed.',
    fits: 'when past decisions in the data were skewed against a group. Works with every model.',
    notFor: 'gaps that come from real differences the decision should keep.',
  },
  resample: {
    name: 'Resampling',
    what: 'Rows are copied or left out so that every group has each outcome as often as if group and outcome were unrelated. The model then learns from a balanced sample.',
    fits: 'when you would rather the model saw a balanced sample than weighted rows. Works with every model.',
    notFor: 'small groups: copying a few rows many times makes the model learn them by heart.',
  },
  penalty: {
    name: 'Fairness penalty',
    what: 'While it trains, the model pays a price for every difference between the groups on the fairness goal you picked; λ sets how high the price is. Higher λ: fairer, usually less accurate.',
    fits: 'when you want to set the balance between accuracy and fairness yourself.',
    notFor: 'the tree models: it works only for logistic regression and the neural network.',
  },
  thresholds: {
    name: 'Group thresholds',
    what: 'The trained model stays; each group gets its own decision threshold, chosen on the validation rows so the fairness goal holds with the best accuracy (sometimes by drawing at random between two thresholds).',
    fits: 'when the group is known at decision time and treating groups differently is allowed.',
    notFor: 'places where the law forbids deciding differently by group (often lending and hiring).',
  },
  'drop-proxies': {
    name: 'Dropping proxies',
    what: 'The sensitive attribute and the columns that give it away (the strongest the proxy finder names) are left out, and the model is trained again.',
    fits: 'when those columns should not matter for the decision anyway.',
    notFor:
      'a guarantee: the other columns together can still give the group away, and the gap can even grow.',
  },
};

export const mitigate = {
  intro:
    'When the audit shows a gap between groups, try the established remedies. Every run is kept: compare what each costs in accuracy and gains in fairness, then choose the run you can defend. Choosing a run shows it in the steps above and marks it in the report.',
  unavailable:
    'Remedies need a model that predicts one of two outcomes and at least one sensitive attribute (both chosen in step 3).',
  attribute: 'Protect',
  goal: 'Fairness goal',
  goals,
  goalDisparity,
  lambda: 'Penalty strength (λ)',
  lambdaHint: 'Used by the fairness penalty. 0 is a plain model; the default is 5.',
  methods,
  fits: 'Use it ',
  notFor: 'Not for ',
  tryOne: (name: string) => `Try ${name.toLowerCase()}`,
  tryAll: 'Try all remedies',
  tryAllHint:
    'Trains every remedy with these settings, one after another, on the same split and seed as the plain run, so the comparison is fair.',
  penaltyNeedsNetwork: 'Choose logistic regression or the neural network in step 5 to try it.',
  thresholdsWarning:
    'This treats groups differently at decision time: two people with the same score can get different decisions because of their group. Some laws forbid that.',
  progress: (index: number, total: number, name: string) => `Run ${index} of ${total}: ${name}…`,
  baselineName: 'Plain model (baseline)',
  runName: {
    plain: 'Plain model',
    withGoal: (name: string, goal: string) => `${name} (${goal})`,
    penalty: (name: string, goal: string, lambda: string) => `${name} (${goal}, λ = ${lambda})`,
  },
  goalShort: {
    'demographic-parity': 'demographic parity',
    'equal-opportunity': 'equal opportunity',
    'equalized-odds': 'equalized odds',
  } satisfies Record<FairnessGoal, string>,
  comparison: 'Runs compared',
  comparisonIntro: (goal: string) =>
    `Each point is a run: further left is fairer (a smaller ${goal.toLowerCase()}), higher is more accurate. The line joins the best trade-offs: for each of them, no other run is both fairer and more accurate.`,
  chartLabel: (goal: string) =>
    `Accuracy against ${goal.toLowerCase()}, one point per run; the same figures are in the table below.`,
  accuracyAxis: 'Accuracy',
  chartCaption: (goal: string) => `Accuracy (up: more accurate) against ${goal.toLowerCase()} (left: fairer)`,
  columns: {
    run: 'Run',
    model: 'Model',
    attribute: 'Protects',
    accuracy: 'Accuracy',
    auc: 'ROC AUC',
    dp: 'Demographic parity difference',
    eop: 'Equal opportunity difference',
    eodds: 'Equalized odds difference',
    choose: 'Keep',
  },
  choose: (run: string) => `Choose ${run}`,
  chosen: 'Chosen',
  frontier: 'best trade-off',
  shown: 'shown above',
  noneChosen: 'No run chosen yet: the report exports the run shown above.',
  download: 'Download report of the chosen run (JSON)',
  chosenNote: (run: string) =>
    `Chosen: ${run}. The results above show it, and both "Download report" buttons export it.`,
  chosenNotShown: (run: string) =>
    `Chosen: ${run}. The results above show another run; the button here exports the chosen one.`,
  remedyFailed: (name: string) => `${name} did not finish:`,
  ended: (finished: number, total: number) =>
    finished === total
      ? `Done: ${total} of ${total} runs finished.`
      : `${finished} of ${total} runs finished.`,
  endedCancelled: (finished: number, total: number) =>
    `Cancelled after ${finished} of ${total} runs; the finished ones are compared below.`,
  endedSettingsChanged: (finished: number, total: number) =>
    `Stopped after ${finished} of ${total} runs: the data settings changed meanwhile, so later runs would not compare with the earlier ones. Try again to train the rest on the new settings.`,
  showChosen: 'Show the chosen run',
  whatIfThresholdsNote:
    "The what-if editor shows the model's own decision at ½, before the group thresholds of this run; a row's final decision also depends on its group (and sometimes on a random draw).",
  thisRun: (name: string, attribute: string) => `This run: ${name}, protecting "${attribute}".`,
  groupThresholdsNote:
    "This run decides with each group's own threshold (step 9), so the threshold slider does not apply.",
};
