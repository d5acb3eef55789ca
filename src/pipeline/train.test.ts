import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { Column, ParsedTable } from '../data/types';
import { fitPreprocessor } from '../features/preprocess';
import { runPipeline, type PipelineInput, type PipelineProgress, type PipelineResult } from './train';
import type { BinaryMetrics, MulticlassMetrics, RegressionMetrics } from './types';

/**
 * The pipeline on the built-in German credit sample (1,000 rows, 70% "good"), target "credit risk",
 * positive class "good", seed 42 (the CLI's default). The accuracy bar of the issue (every model at least
 * 0.72) is defined on a seeded 70/30 split, so those tests pass one; the others use the default 70/15/15.
 */

let german: ParsedTable;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(`german-credit.csv did not parse: ${parsed.reason.code}`);
  german = parsed.data;
});

const SETTINGS: DataSettings = { ...DEFAULT_SETTINGS, target: 'credit risk', positiveClass: 'good' };
/**
 * 70% of the rows to learn from, 30% to test on. The 70 is split 60 training / 10 validation because the
 * learners use validation rows as the app does: logistic and MLP stop early on them and boosting keeps its
 * best round (with no validation rows the MLP trains every epoch and overfits). The tree ignores them.
 */
const SEVENTY_THIRTY = { train: 0.6, validation: 0.1, test: 0.3 };

async function run(overrides: Partial<PipelineInput> = {}): Promise<PipelineResult> {
  const result = await runPipeline({ ...german, settings: SETTINGS, model: 'tree', seed: 42, ...overrides });
  if (!result.ok) throw new Error(`the pipeline failed: ${JSON.stringify(result.reason)}`);
  return result.data;
}

const binary = (r: PipelineResult) => r.metrics as BinaryMetrics;

describe('German credit, seeded 70/30 split (the issue’s bar: accuracy ≥ 0.72)', () => {
  // Every learner with its defaults. Measured with seed 42: logistic 0.750, MLP 0.743, boosted 0.750,
  // tree 0.720. The test set has 300 rows, so one row is 0.0033 and a seed moves accuracy by about ±0.025
  // (seeds 1–10: logistic 0.713–0.770, MLP 0.720–0.753, boosted 0.707–0.773); the seed is fixed and every
  // step is seeded, so the figures below are exact, and the margins are 7–9 rows.
  it('logistic regression reaches 0.72', async () => {
    const r = await run({ model: 'logistic', fractions: SEVENTY_THIRTY });
    console.info(`German credit 70/30, logistic: ${binary(r).accuracy.toFixed(4)}`);
    expect([r.split.train.length, r.split.validation.length, r.split.test.length]).toEqual([600, 100, 300]);
    expect(binary(r).accuracy).toBeGreaterThanOrEqual(0.72);
    expect(binary(r).baselineAccuracy).toBeCloseTo(0.7, 10);
  });

  it('the MLP reaches 0.72', async () => {
    const r = await run({ model: 'mlp', fractions: SEVENTY_THIRTY });
    console.info(`German credit 70/30, MLP: ${binary(r).accuracy.toFixed(4)}`);
    expect(binary(r).accuracy).toBeGreaterThanOrEqual(0.72);
  });

  it('gradient-boosted trees reach 0.72', async () => {
    const r = await run({ model: 'boosted', fractions: SEVENTY_THIRTY });
    console.info(`German credit 70/30, boosted: ${binary(r).accuracy.toFixed(4)}`);
    expect(binary(r).accuracy).toBeGreaterThanOrEqual(0.72);
  });

  it('the decision tree reaches 0.72 on the seeded split, barely (see the comment)', async () => {
    // Seed 42 (the CLI's default) lands on 0.720 (216 of 300 rows): the bar is met on this seeded split,
    // deterministically, but with no margin. Over seeds 1–30 the default depth-5 tree averages 0.709 here, and
    // no depth (1–12) with any minimum leaf (1–150) averages 0.72 (choosing them on the validation rows:
    // 0.708). A single tree is simply weak on 1,000 rows; the closing note of issue 3 says so.
    const r = await run({ model: 'tree', fractions: SEVENTY_THIRTY });
    console.info(`German credit 70/30, tree: ${binary(r).accuracy.toFixed(4)} (bar 0.72)`);
    expect(binary(r).accuracy).toBeGreaterThanOrEqual(0.72);
    expect(binary(r).accuracy).toBeGreaterThan(binary(r).baselineAccuracy);
  });
});

describe('the split', () => {
  it('is 70/15/15 by default, stratified, and its parts add up to the rows', async () => {
    const r = await run();
    const { train, validation, test } = r.split;
    expect([train.length, validation.length, test.length]).toEqual([700, 150, 150]);
    const all = new Set([...train, ...validation, ...test]);
    expect(all.size).toBe(1000);
    // Stratified: the test rows keep the table's 70% "good".
    expect(r.predictions.y.reduce((a, b) => a + b, 0)).toBe(105);
  });

  it('with a test file, splits the main table 85/15 and tests on every labelled row of the test file', async () => {
    const r = await run({ testTable: german });
    expect([r.split.train.length, r.split.validation.length, r.split.test.length]).toEqual([850, 150, 1000]);
    expect(r.testFileRows).toBe(1000);
    expect(r.predictions.y.length).toBe(1000);
  });
});

/** A copy of the table whose rows outside `keep` hold other values: huge numbers, and the rarest category. */
function scrambled(table: ParsedTable['table'], keep: Uint32Array): ParsedTable['table'] {
  const kept = new Set(keep);
  const columns = table.columns.map((column): Column => {
    if (column.name === 'credit risk') return column;
    if (column.storage === 'number') {
      return { ...column, values: column.values.map((v, r) => (kept.has(r) ? v : v * 1000 + 7)) };
    }
    return { ...column, codes: column.codes.map((c, r) => (kept.has(r) ? c : 0)) };
  });
  return { rowCount: table.rowCount, columns };
}

describe('preprocessing', () => {
  it('is fitted on the training rows only: other rows can change without changing it', async () => {
    const r = await run();
    expect(r.preprocessor).toEqual(fitPreprocessor(german.table, german.kinds, r.inputs, r.split.train));
    const table = scrambled(german.table, r.split.train);
    const changed = await run({ table });
    expect(changed.split).toEqual(r.split);
    expect(changed.preprocessor).toEqual(r.preprocessor);
    // The check has teeth: fitted on every row, the scrambled values would show.
    const all = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const leaky = fitPreprocessor(table, german.kinds, r.inputs, all);
    expect(leaky).not.toEqual(fitPreprocessor(german.table, german.kinds, r.inputs, all));
  });

  it('leaves the sensitive attributes out of the inputs, as the data step does', async () => {
    const r = await run({ settings: { ...SETTINGS, sensitive: [{ column: 'sex' }, { column: 'age' }] } });
    expect(r.sensitive).toEqual(['sex', 'age']);
    expect(r.inputs).not.toContain('sex');
    expect(r.inputs).not.toContain('age');
    expect(r.inputs).not.toContain('credit risk');
    expect(r.testGroups.map((g) => g.column)).toEqual(['sex', 'age']);
    expect(r.testGroups[0].codes.length).toBe(r.split.test.length);
  });
});

describe('determinism', () => {
  it('gives the same metrics and model for the same seed', async () => {
    for (const [model, options] of [
      ['tree', {}],
      ['boosted', { nEstimators: 20 }],
      ['logistic', { epochs: 5 }],
    ] as const) {
      const a = await run({ model, options });
      const b = await run({ model, options });
      expect(b.metrics).toEqual(a.metrics);
      expect(b.model.fitted).toEqual(a.model.fitted);
      expect(b.predictions).toEqual(a.predictions);
    }
  });

  it('gives another split for another seed', async () => {
    const a = await run({ seed: 1 });
    const b = await run({ seed: 2 });
    expect(b.split.test).not.toEqual(a.split.test);
  });
});

describe('other tasks', () => {
  it('predicts a multiclass target with accuracy, macro F1 and a baseline', async () => {
    const settings = { ...SETTINGS, target: 'purpose', positiveClass: null };
    const r = await run({ settings, model: 'boosted', options: { nEstimators: 10 } });
    const m = r.metrics as MulticlassMetrics;
    expect(r.task).toBe('multiclass');
    expect(r.positiveClass).toBeNull();
    expect(m.confusion.length).toBe(r.classes.length);
    expect(m.accuracy).toBeGreaterThan(m.baselineAccuracy);
    expect(m.macroF1).toBeGreaterThan(0);
  });

  it('treats "logistic" as linear regression for a number target and compares with the training mean', async () => {
    const settings = { ...SETTINGS, target: 'credit amount', positiveClass: null };
    const r = await run({ settings, model: 'logistic', options: { epochs: 20 } });
    const m = r.metrics as RegressionMetrics;
    expect(r.task).toBe('regression');
    expect(r.model.fitted.kind).toBe('linear');
    expect(m.rmse).toBeLessThan(m.baselineRmse);
    expect(m.r2).toBeGreaterThan(0);
  });
});

describe('progress, cancellation and errors', () => {
  it('reports each stage in order and every boosting round', async () => {
    const events: PipelineProgress[] = [];
    await run({ model: 'boosted', options: { nEstimators: 5 }, onProgress: (e) => events.push(e) });
    const stages = events.filter((e) => e.type === 'stage').map((e) => e.stage);
    expect(stages).toEqual(['prepare', 'preprocess', 'train', 'evaluate']);
    expect(events.filter((e) => e.type === 'epoch').map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
  });

  it('says which target is missing, in the main table or the test file', async () => {
    const missing = await runPipeline({
      ...german,
      settings: { ...SETTINGS, target: 'nope' },
      model: 'tree',
      seed: 1,
    });
    expect(missing).toEqual({ ok: false, reason: { code: 'target-missing', params: { column: 'nope' } } });
    const table = { ...german.table, columns: german.table.columns.filter((c) => c.name !== 'credit risk') };
    const testTable = {
      table,
      kinds: german.kinds.filter((_, i) => german.table.columns[i].name !== 'credit risk'),
    };
    const noTarget = await runPipeline({ ...german, settings: SETTINGS, testTable, model: 'tree', seed: 1 });
    expect(noTarget.ok ? null : noTarget.reason).toEqual({
      code: 'target-missing',
      params: { column: 'credit risk', file: 'test' },
    });
  });

  it('notes a sensitive attribute the test file lacks instead of dropping it silently', async () => {
    const without = (name: string) => ({
      table: { ...german.table, columns: german.table.columns.filter((c) => c.name !== name) },
      kinds: german.kinds.filter((_, i) => german.table.columns[i].name !== name),
    });
    const settings = { ...SETTINGS, sensitive: [{ column: 'sex' }] };
    const run = await runPipeline({ ...german, settings, testTable: without('sex'), model: 'tree', seed: 1 });
    expect(run.ok && run.data.notes).toEqual([{ code: 'sensitive-missing-in-test', column: 'sex' }]);
    expect(run.ok && run.data.testGroups).toEqual([]);
  });

  it('ends with "cancelled" when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runPipeline({
      ...german,
      settings: SETTINGS,
      model: 'tree',
      seed: 1,
      signal: controller.signal,
    });
    expect(result).toEqual({ ok: false, reason: { code: 'cancelled' } });
    const during = new AbortController();
    const onProgress = (e: PipelineProgress) => {
      if (e.type === 'epoch' && e.epoch === 2) during.abort();
    };
    const stopped = await runPipeline({
      ...german,
      settings: SETTINGS,
      model: 'logistic',
      seed: 1,
      signal: during.signal,
      onProgress,
    });
    expect(stopped).toEqual({ ok: false, reason: { code: 'cancelled' } });
  });
});
