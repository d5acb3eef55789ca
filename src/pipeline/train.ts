/**
 * The training pipeline, one pure function that runs the same in the browser's worker and in Node (the
 * CLI): the data step's cleaning, the target encoded, a seeded stratified split, preprocessing fitted on the
 * training rows only, one of the four learners (validation rows for early stopping), predictions on the
 * test rows and their metrics. It imports no DOM, worker or Node API; TF.js is loaded by the learners that
 * need it, on whatever backend the caller has set.
 */
import { fail, ok, type Result } from '../core/result';
import { columnAsKind } from '../data/convert';
import { groupsOf } from '../data/groups';
import type { Table } from '../data/types';
import { fitPreprocessor, transform, type Preprocessor } from '../features/preprocess';
import { splitRows, type RowSplit } from '../features/split';
import { targetStrata } from '../features/target';
import { findProxies, type ProxyScore } from '../fairness/proxies';
import { decideWithThresholds, fitGroupThresholds } from '../fairness/groupThresholds';
import { resampledRows, reweighingWeights } from '../fairness/reweigh';
import type { Grouping } from '../fairness/groupMetrics';
import { evaluate, majorityClass, predictedLabels } from './evaluate';
import { fitModel, predictModel, type Rows } from './models';
import {
  codesIn,
  columnsToDrop,
  DEFAULT_PENALTY_LAMBDA,
  groupingNamed,
  mitigationBlocked,
  type Mitigation,
} from './mitigation';
import { prepareData, prepareTest, type PreparedData, type PreparedTest } from './prepare';
import type { PipelineInput, PipelineNote, PipelineResult } from './types';

export type * from './types';
export { MODEL_KINDS } from './types';

/** Train / validation shares of the main table when a separate test file holds the test rows. */
export const TEST_FILE_FRACTIONS = { train: 0.85, validation: 0.15, test: 0 } as const;

/** Rows of a test file that have a target value (the others can neither be scored nor counted). */
function labelledRows(y: Float64Array): Uint32Array {
  const rows: number[] = [];
  for (let r = 0; r < y.length; r++) if (!Number.isNaN(y[r])) rows.push(r);
  return Uint32Array.from(rows);
}

/**
 * The seeded split, stratified by the target's class: 70 / 15 / 15 (or `fractions`) of the main table,
 * or 85 / 15 of it for training and validation with every labelled row of the test file as the test set.
 */
function splitFor(data: PreparedData, test: PreparedTest | undefined, input: PipelineInput): RowSplit {
  const strata = targetStrata({ y: data.y, classes: data.classes }, data.task);
  if (!test) return splitRows(data.table.rowCount, { seed: input.seed, strata, fractions: input.fractions });
  const parts = splitRows(data.table.rowCount, { seed: input.seed, strata, fractions: TEST_FILE_FRACTIONS });
  return { ...parts, test: labelledRows(test.y) };
}

/** The learner's input for `rows` of `table`: features through the fitted preprocessor, and the targets. */
function rowsOf(pre: Preprocessor, table: Table, y: Float64Array, rows: Uint32Array): Rows {
  return { X: transform(pre, table, rows), y: Float64Array.from(rows, (r) => y[r]), rows: rows.length };
}

/**
 * Group codes of each sensitive attribute on `rows` of a table, as the data step forms them: numbers cut at
 * the edges it used, and a number column it grouped by value (no edges: a 0/1 flag, a code) taken by value.
 * An attribute the table lacks is skipped and `missing` is told its name.
 */
function groupsOn(
  data: PreparedData,
  table: Table,
  rows: Uint32Array,
  missing: (column: string) => void = () => {},
): PipelineResult['testGroups'] {
  const out: PipelineResult['testGroups'] = [];
  for (const s of data.sensitive) {
    const found = table.columns.find((c) => c.name === s.column);
    if (!found) {
      missing(s.column);
      continue;
    }
    const byValue = found.storage === 'number' && s.edges === undefined;
    const column = byValue ? columnAsKind(found, 'categorical').column : found;
    const { codes, labels } = groupsOf(column, s.edges);
    out.push({ column: s.column, labels, codes: Int32Array.from(rows, (r) => codes[r]) });
  }
  return out;
}

/**
 * The proxy finder on the main table: each input column's one-column rule for each sensitive attribute,
 * fitted on the training rows and scored on the main table's held-out rows (validation, and test when the
 * test rows come from the split), so memorising rows does not pass for a proxy (src/fairness/proxies.ts).
 */
function proxiesOf(
  data: PreparedData,
  mainGroups: PipelineResult['testGroups'],
  split: RowSplit,
  testFromSplit: boolean,
): ProxyScore[] {
  const heldOut = testFromSplit ? Uint32Array.from([...split.validation, ...split.test]) : split.validation;
  if (heldOut.length === 0) return [];
  return mainGroups.flatMap((g) =>
    findProxies(data.table, data.inputs, g, { train: split.train, test: heldOut }),
  );
}

/** A grouping's codes on some rows of the table it was made on. */
const codesOn = (grouping: Grouping, rows: Uint32Array) => Int32Array.from(rows, (r) => grouping.codes[r]);

/**
 * Trains and evaluates one model on a table with the data step's settings, exactly as the app does.
 *
 * 1. Renames, kind overrides and cleaning steps of `settings`; the target, task, positive class and input
 *    columns as the data step settles them (sensitive attributes stay out of the inputs unless the settings
 *    include them).
 * 2. A seeded split stratified by class: 70 / 15 / 15 by default; with `testTable`, 85 / 15 of the main
 *    table for training and validation, the test file's labelled rows for testing.
 * 3. Preprocessing (impute, standardise, one-hot) fitted on the training rows only, applied to the rest.
 * 4. The learner, with the validation rows for early stopping (logistic, MLP) or keeping the best round
 *    (boosted); module defaults for any option not given.
 * 5. Predictions on the test rows and their metrics (`evaluate`).
 *
 * Resolves to a Result: 'target-missing', 'target-one-class' or 'target-too-many-classes' for a target
 * that cannot be predicted (params `file: 'test'` when the test file lacks it), 'no-rows' when a part of
 * the split is empty, 'one-column' when no input column yields a feature, 'cancelled' when `signal` was
 * aborted, 'internal' (params `detail`) for anything unexpected.
 */
export async function runPipeline(input: PipelineInput): Promise<Result<PipelineResult>> {
  const { onProgress: progress, signal } = input;
  try {
    if (signal?.aborted) return fail('cancelled');
    progress?.({ type: 'stage', stage: 'prepare' });
    const prepared = prepareData(input, input.settings);
    if (!prepared.ok) return prepared;
    const data = prepared.data;
    const preparedTest = input.testTable && prepareTest(input.testTable, input.settings, data);
    if (preparedTest && !preparedTest.ok) return preparedTest;
    const test = preparedTest?.data;
    const split = splitFor(data, test, input);
    if (split.train.length === 0) return fail('no-rows', { part: 'train' });
    if (split.test.length === 0) return fail('no-rows', { part: 'test', ...(test ? { file: 'test' } : {}) });

    const request = input.mitigation;
    const attribute = request?.attribute ?? data.sensitive[0]?.column ?? '';
    if (request) {
      const blocked = mitigationBlocked(
        request.method,
        input.model,
        data.task,
        data.sensitive.map((s) => s.column),
      );
      if (blocked) return fail('mitigation-unavailable', { method: request.method, reason: blocked });
    }
    const all = Uint32Array.from({ length: data.table.rowCount }, (_, r) => r);
    const mainGroups = groupsOn(data, data.table, all);
    const grouping = request ? groupingNamed(mainGroups, attribute) : null;
    if (request && !grouping)
      return fail('mitigation-unavailable', {
        method: request.method,
        reason: 'unknown-attribute',
        attribute,
      });
    const proxies = proxiesOf(data, mainGroups, split, !test);
    let mitigation: Mitigation | null = request ? { method: request.method, attribute, options: {} } : null;

    // Both are judged on the validation rows: the thresholds fitted, the proxies scored.
    const needsValidation = request?.method === 'thresholds' || request?.method === 'drop-proxies';
    if (request && needsValidation && split.validation.length === 0)
      return fail('mitigation-unavailable', { method: request.method, reason: 'no-validation' });

    progress?.({ type: 'stage', stage: 'preprocess' });
    // Drop proxies: the attribute and the columns that give it away are left out of the model altogether.
    // The columns to drop are judged on the validation rows only: the test rows must not choose the inputs.
    const dropped =
      request?.method === 'drop-proxies'
        ? columnsToDrop(test ? proxies : proxiesOf(data, mainGroups, split, false), attribute)
        : [];
    const inputs = data.inputs.filter((c) => !dropped.includes(c));
    if (request?.method === 'drop-proxies' && inputs.length === data.inputs.length)
      return fail('mitigation-unavailable', { method: request.method, reason: 'no-proxies', attribute });
    if (mitigation && request?.method === 'drop-proxies')
      mitigation.options.dropped = dropped.filter((c) => data.inputs.includes(c));
    const pre = fitPreprocessor(data.table, data.kinds, inputs, split.train);
    if (pre.featureNames.length === 0) return fail('one-column', { reason: 'no-inputs' });
    // Resample: the learner sees each (group, class) cell at the share independence would give it.
    const trainRows =
      grouping && request?.method === 'resample'
        ? Uint32Array.from(
            resampledRows(
              codesOn(grouping, split.train),
              Float64Array.from(split.train, (r) => data.y[r]),
              grouping.labels.length,
              input.seed,
            ),
            (i) => split.train[i],
          )
        : split.train;
    if (mitigation && request?.method === 'resample') mitigation.options.trainingRows = trainRows.length;
    const train = rowsOf(pre, data.table, data.y, trainRows);
    const validation = rowsOf(pre, data.table, data.y, split.validation);
    const testTable = test ? test.table : data.table;
    const testSet = rowsOf(pre, testTable, test ? test.y : data.y, split.test);
    const trainGroups = grouping ? codesOn(grouping, trainRows) : null;
    const weights =
      trainGroups && grouping && request?.method === 'reweigh'
        ? reweighingWeights(trainGroups, train.y, grouping.labels.length)
        : undefined;
    // The best epoch (round) is then picked on the validation rows by the loss the learner minimised: the
    // reweighted one (resampling draws the training rows to the same distribution in expectation).
    const reweighted = request?.method === 'reweigh' || request?.method === 'resample';
    const validationWeights =
      reweighted && grouping
        ? reweighingWeights(codesOn(grouping, split.validation), validation.y, grouping.labels.length)
        : undefined;
    const fairnessGoal = request?.fairness ?? 'demographic-parity';
    const lambda = request?.lambda ?? DEFAULT_PENALTY_LAMBDA;
    const penalty =
      trainGroups && grouping && request?.method === 'penalty'
        ? { groups: trainGroups, groupCount: grouping.labels.length, lambda, target: fairnessGoal }
        : undefined;
    if (mitigation && penalty) mitigation.options = { fairness: fairnessGoal, lambda };

    progress?.({ type: 'stage', stage: 'train' });
    const classCount = data.task === 'regression' ? 1 : data.classes.length;
    const fit = await fitModel({
      kind: input.model,
      task: data.task,
      classes: classCount,
      cols: pre.featureNames.length,
      train,
      validation,
      seed: input.seed,
      engine: input.backend === 'typescript' ? 'typed' : 'tfjs',
      options: input.options ?? {},
      ...(weights ? { weights } : {}),
      ...(validationWeights ? { validationWeights } : {}),
      ...(penalty ? { fairness: penalty } : {}),
      ...(progress ? { onProgress: progress } : {}),
      ...(signal ? { signal } : {}),
      ...(input.stop ? { stop: input.stop } : {}),
    });

    progress?.({ type: 'stage', stage: 'evaluate' });
    const score = predictModel(fit.fitted, testSet.X, testSet.rows);
    let predicted = predictedLabels(data.task, score, testSet.rows);
    const notes: PipelineNote[] = test ? [...test.notes] : [];
    // Only a separate test file can lack an attribute (the main table was checked by the data step).
    const testGroups = groupsOn(data, testTable, split.test, (column) =>
      notes.push({ code: 'sensitive-missing-in-test', column }),
    );
    if (grouping && mitigation && request?.method === 'thresholds') {
      // Group thresholds: chosen on the validation rows, then applied to the test rows' own groups.
      const validationScore = predictModel(fit.fitted, validation.X, validation.rows);
      const rules = fitGroupThresholds(
        validationScore,
        validation.y,
        codesOn(grouping, split.validation),
        grouping.labels.length,
        fairnessGoal,
      );
      const onTest = groupingNamed(testGroups, attribute);
      // A test file without the attribute: no row could get its group's rule.
      if (!onTest)
        return fail('mitigation-unavailable', {
          method: request.method,
          reason: 'attribute-missing-in-test',
          attribute,
        });
      const testCodes = codesIn(onTest, grouping.labels);
      predicted = decideWithThresholds(rules, score, testCodes, input.seed);
      mitigation = {
        ...mitigation,
        options: {
          fairness: fairnessGoal,
          rules: rules.rules.map((r, g) => ({ group: grouping.labels[g], ...r })),
          validation: { accuracy: rules.fitted.accuracy, violation: rules.fitted.violation },
        },
      };
    }
    const metrics = evaluate(data.task, classCount, train.y, testSet.y, score, predicted);
    const treeModel = input.model === 'tree' || input.model === 'boosted';
    return ok({
      task: data.task,
      target: data.target,
      positiveClass: data.positiveClass,
      classes: data.classes,
      majorityClass: data.task === 'regression' ? null : data.classes[majorityClass(train.y, classCount)],
      sensitive: data.sensitive.map((s) => s.column),
      dataset: { rows: data.table.rowCount, columns: data.table.columns.length },
      testFileRows: test ? test.table.rowCount : null,
      split: { ...split, seed: input.seed },
      inputs,
      preprocessor: pre,
      cleaningFits: data.fits,
      model: {
        kind: input.model,
        backend: treeModel ? 'typescript' : (input.backend ?? 'cpu'),
        options: fit.options,
        trainMs: fit.trainMs,
        epochs: fit.epochs,
        bestEpoch: fit.bestEpoch,
        stoppedBy: fit.stoppedBy,
        fitted: fit.fitted,
      },
      metrics,
      predictions: { y: testSet.y, score, predicted },
      mitigation,
      testGroups,
      proxies,
      tables: { main: data.table, test: testTable },
      notes,
    });
  } catch (error) {
    if (signal?.aborted) return fail('cancelled');
    return fail('internal', { detail: error instanceof Error ? error.message : String(error) });
  }
}
