/**
 * English messages of the Train step (part of the English catalogue, en.ts, which imports it): choices,
 * progress, backends, the result and training's own error wording.
 */

export const train = {
  intro:
    'Choose a kind of model and press "Train model". It learns from the training rows here in your browser, checks itself on validation rows as it goes, and is scored on test rows it never saw.',
  needsTarget: 'Choose a target column under "What to predict" first.',
  model: 'Model',
  models: {
    logistic: {
      name: 'Logistic regression',
      regressionName: 'Linear regression',
      text: 'Gives each input a weight and adds them up. Fast, and the easiest to explain.',
    },
    mlp: {
      name: 'Neural network (MLP)',
      regressionName: 'Neural network (MLP)',
      text: 'Layers of small weighted sums that can learn curved and combined effects. Slower, harder to explain.',
    },
    tree: {
      name: 'Decision tree',
      regressionName: 'Decision tree',
      text: 'A short series of yes/no questions about the inputs. Easy to read, usually a little less accurate.',
    },
    boosted: {
      name: 'Boosted trees',
      regressionName: 'Boosted trees',
      text: 'Many small trees, each correcting the ones before. Often the most accurate on tables like this.',
    },
  } as Record<string, { name: string; regressionName: string; text: string }>,
  testRows: 'Test rows',
  splitOption: (train: string, validation: string, test: string) =>
    `Split this file: ${train} training, ${validation} validation, ${test} test`,
  sampleTestOption: (name: string, rows: string) => `Use the official test file (${name}, ${rows} rows)`,
  uploadedTestOption: (name: string) => `Use the test file ${name}`,
  uploadTest: 'Upload a test file…',
  removeTest: 'Remove test file',
  testFileHint:
    'A test file needs the same columns. This file then gives 85% training and 15% validation rows.',
  backend: 'Backend',
  backends: {
    auto: 'Automatic (recommended)',
    webgpu: 'WebGPU (graphics card)',
    webgl: 'WebGL (graphics card)',
    typescript: 'Processor, plain TypeScript (fastest without a graphics card)',
    wasm: 'Processor, TF.js WASM',
    cpu: 'Processor, TF.js CPU',
  } as Record<string, string>,
  backendHint: 'Tree models always run as plain TypeScript on the processor.',
  backendAutoHint:
    'Automatic uses a real graphics card through WebGPU, else WebGL. Without one (or when it is only emulated in software, which is far slower) it trains on the processor.',
  advanced: 'Advanced settings',
  advancedHint: 'Leave a box empty to use the default shown in grey. None of these needs changing.',
  fields: {
    epochs: 'Epochs',
    learningRate: 'Learning rate',
    batchSize: 'Batch size',
    hidden: 'Hidden units',
    maxDepth: 'Depth',
    nEstimators: 'Number of trees',
    patience: 'Patience (epochs)',
    seed: 'Seed',
    trainShare: 'Training %',
    validationShare: 'Validation %',
    testShare: 'Test %',
  } as Record<string, string>,
  hiddenHint: 'Units per layer, e.g. 32 or 64, 32',
  sharesInvalid: 'The three shares must add up to 100, with some training and test rows.',
  invalid: 'Type a positive number.',
  seedInvalid: 'Type a whole number (0 or more).',
  sharesWithTestFile:
    'A test file is in use: this file is split 85% training, 15% validation, and these shares are not used.',
  fixSettings: 'Fix the highlighted advanced settings first.',
  trainButton: 'Train model',
  stop: 'Stop',
  stopHint: 'Stop keeps the best model so far.',
  cancel: 'Cancel',
  stages: {
    reading: 'Reading the data…',
    prepare: 'Cleaning and splitting the rows…',
    preprocess: 'Preparing the inputs…',
    train: 'Training…',
    evaluate: 'Scoring the test rows…',
    explain: 'Measuring what drives the model…',
  } as Record<string, string>,
  explaining: (done: string, total: string) =>
    `Measuring what drives the model: column ${done} of ${total} shuffled`,
  epochOf: (epoch: string, epochs: string) => `Epoch ${epoch} of ${epochs}`,
  roundOf: (epoch: string, epochs: string) => `Tree ${epoch} of ${epochs}`,
  timeLeft: (time: string) => `about ${time} left at most (early stopping can end it sooner)`,
  timeLeftTrees: (time: string) => `about ${time} left`,
  announceProgress: (percent: string) => `Training, ${percent} of the epochs done`,
  diverged:
    'Training diverged (the loss became infinite or undefined), so the model is not usable. Lower the learning rate under "Advanced settings" and train again.',
  stopping: 'Stopping after this epoch…',
  progressLabel: 'Training progress',
  runningOn: (backend: string) => `Running on ${backend}`,
  backendNames: {
    webgpu: 'WebGPU',
    webgl: 'WebGL',
    wasm: 'WASM',
    cpu: 'CPU',
    typescript: 'the processor (plain TypeScript)',
  } as Record<string, string>,
  trainedOn: (backend: string) => `Trained on ${backend}`,
  reasons: {
    'real-gpu': 'The graphics card was found and is used.',
    'software-gpu-skipped':
      'This device has no graphics card the browser can use: its WebGPU and WebGL are emulated in software, which measured far slower than the processor, so the model trains on the processor.',
    forced: 'You chose this backend.',
    'forced-failed-fallback': 'The backend you chose could not start, so the next one was used.',
    'no-gpu': 'No graphics card was available to the browser, so the model trains on the processor.',
    'plain-typescript': 'Tree models are built in plain TypeScript on the processor.',
  } as Record<string, string>,
  backendDetails: 'Backends passed over',
  forcedFailed: (chosen: string, why: string, used: string) =>
    `${chosen}, which you chose, could not be used (${why}), so ${used} was used instead.`,
  youChose: (backend: string) => `Training started on ${backend}.`,
  skipped: (backend: string, why: string) => `${backend}: ${why}`,
  fallback: (from: string, epoch: number, to: string, error: string) =>
    `${from} stopped working${epoch > 0 ? ` after epoch ${epoch}` : ''} (${error}); training started again on ${to}. Nothing you chose was lost.`,
  chartTitle: 'Learning curve',
  chartLabel: 'Loss per epoch on the training and validation rows',
  epochAxis: 'Epoch',
  roundAxis: 'Tree',
  trainLoss: 'Training loss',
  validationLoss: 'Validation loss',
  curveSummary: (first: string, last: string, vFirst: string, vLast: string) =>
    `Training loss went from ${first} to ${last}; validation loss from ${vFirst} to ${vLast}. Lower is better.`,
  validationAccuracy: 'Accuracy on the validation rows',
  validationR2: 'R² on the validation rows',
  metricSummaryAccuracy: (last: string, best: string) =>
    `Accuracy on the validation rows: ${last} after the last epoch, ${best} at best.`,
  metricSummaryR2: (last: string, best: string) =>
    `R² on the validation rows: ${last} after the last epoch, ${best} at best (1 is perfect).`,
  trainError: 'Typical error, training rows',
  validationError: 'Typical error, validation rows',
  errorChartLabel: 'Typical error (RMSE) per epoch on the training and validation rows',
  errorSummary: (first: string, last: string, vFirst: string, vLast: string) =>
    `Typical error (RMSE) on the training rows went from ${first} to ${last}; on the validation rows from ${vFirst} to ${vLast}. Lower is better.`,
  errorSummaryTrain: (first: string, last: string) =>
    `Typical error (RMSE) on the training rows went from ${first} to ${last}. Lower is better.`,
  curveSummaryTrain: (first: string, last: string) =>
    `Training loss went from ${first} to ${last}. Lower is better.`,
  resultTitle: 'Result',
  accuracy: (acc: string, baseline: string, majority: string) =>
    `The model is right ${acc} of the time on the test rows; always guessing "${majority}" would be right ${baseline} of the time.`,
  regression: (rmse: string, baseline: string, r2: string) =>
    `Typical error (RMSE) on the test rows: ${rmse}, against ${baseline} when always guessing the average. R² = ${r2} (1 is perfect, 0 no better than the average).`,
  macro: (f1: string) => `Average F1 over the classes: ${f1}.`,
  sizes: (train: string, validation: string, test: string, time: string) =>
    `Trained in ${time} on ${train} rows (${validation} validation rows); tested on ${test} rows.`,
  stoppedBy: {
    'early-stopping': (n: number, best: number, trees: boolean) =>
      trees
        ? `Stopped early after ${n} trees: the validation loss had stopped improving. The first ${best} trees are kept.`
        : `Stopped early after epoch ${n}: the validation loss had stopped improving. The model from epoch ${best} is kept.`,
    user: (n: number, best: number, trees: boolean) =>
      trees
        ? `You stopped training after ${n} trees. The best number so far (${best}) is kept.`
        : `You stopped training after epoch ${n}. The best model so far (epoch ${best}) is kept.`,
    epochs: (n: number, best: number, trees: boolean) =>
      trees
        ? `Built all ${n} trees; the first ${best}, best on the validation rows, are kept.`
        : `Ran all ${n} epochs; the model from epoch ${best}, best on the validation rows, is kept.`,
  } as Record<string, (n: number, best: number, trees: boolean) => string>,
  stoppedNoValidation: (n: number, trees: boolean) =>
    trees
      ? `You stopped training after ${n} trees; all of them are kept (no validation rows to pick a better number).`
      : `You stopped training after epoch ${n}; the model from that epoch is kept (no validation rows to pick a better one).`,
  ranAllNoValidation: (n: number, trees: boolean) =>
    trees
      ? `Built all ${n} trees (no validation rows, so nothing to stop early on).`
      : `Ran all ${n} epochs (no validation rows, so nothing to stop early on).`,
  notes: {
    'unseen-test-labels': (n: string) =>
      `${n} test rows have a target value the training rows never had, and were left out.`,
    'sensitive-missing-in-test': (column: string) =>
      `The test file has no column "${column}", so the model cannot be checked for fairness by ${column}.`,
  },
  download: 'Download report (JSON)',
  stale: 'The data or choices changed since this model was trained. Train again to update the result.',
  interrupted:
    'The last training run was interrupted when the page was closed or reloaded. Your choices are kept: press "Train model" to run it again.',
  cancelled: 'Training was cancelled. Nothing else changed.',
  failedTitle: 'Training failed',
  /** A problem of the separate test file, said as such (the general messages speak of "this file"). */
  testFileProblem: (title: string) => `The test file could not be used: ${title}`,
  errors: {
    'no-rows': (p: Record<string, string | number>) => ({
      title: `No rows are left for the ${p.part === 'train' ? 'training' : 'test'} set${p.file === 'test' ? ' in the test file' : ''}.`,
      hint: 'Check the cleaning steps (removing rows with missing values can remove them all), or change the split under "Advanced settings".',
    }),
    'one-column': () => ({
      title: 'No input column is left for the model to learn from.',
      hint: 'Under "Columns & cleaning", keep at least one column besides the target and the sensitive attributes.',
    }),
    'worker-crashed': () => ({
      title: 'The browser stopped the training task (often for lack of memory).',
      hint: 'Your data and choices are kept. Try again, or choose a smaller model or a smaller file.',
    }),
    internal: (p: Record<string, string | number>) => ({
      title: 'Something went wrong while training.',
      hint: `Your data and choices are kept. Try again, or try another model or backend. (Details: ${p.detail ?? 'none'})`,
    }),
    'target-missing': (p: Record<string, string | number>) => ({
      title: `The test file has no column "${p.column}".`,
      hint: 'A test file needs the same columns as the training file. Upload another one, or split this file instead.',
    }),
  } as Record<string, (p: Record<string, string | number>) => { title: string; hint: string }>,
  seconds: (s: string) => `${s} s`,
  minutes: (m: string, s: string) => `${m} min ${s} s`,
};
