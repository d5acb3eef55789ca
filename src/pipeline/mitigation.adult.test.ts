import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from './sampleTables';
import { DEFAULT_SETTINGS } from '../data/settings';
import { fairnessAudit, type BinaryAuditEntry } from './audit';
import type { FairnessGoal, MitigationRequest } from './mitigation';
import { GOAL_DISPARITY } from './mitigation';
import { runPipeline } from './train';
import type { BinaryMetrics, PipelineResult, TableInput } from './types';

/**
 * Issue 5 on UCI Adult's official split (as adult.test.ts), logistic regression, sex as the attribute: each
 * remedy lowers the disparity it aims at on the test rows. The reference (shared/reference, scikit-learn
 * LogisticRegression with Kamiran & Calders' weights): demographic parity difference 0.176 → about 0.080,
 * accuracy 0.853 → about 0.845. Ours start at 0.188 / 0.852 (a different optimiser, same objective) and land
 * at 0.082 / 0.847.
 */
let main: TableInput;
let testTable: TableInput;
const load = loadTable;

const SETTINGS = {
  ...DEFAULT_SETTINGS,
  target: 'income',
  positiveClass: '>50K',
  sensitive: [{ column: 'sex' }],
};

async function run(mitigation?: MitigationRequest): Promise<PipelineResult> {
  const result = await runPipeline({
    ...main,
    testTable,
    settings: SETTINGS,
    model: 'logistic',
    seed: 42,
    backend: 'typescript',
    ...(mitigation ? { mitigation } : {}),
  });
  if (!result.ok) throw new Error(result.reason.code);
  return result.data;
}

const bySex = (r: PipelineResult) => fairnessAudit(r).find((e) => e.attribute === 'sex') as BinaryAuditEntry;
const accuracy = (r: PipelineResult) => (r.metrics as BinaryMetrics).accuracy;
const gap = (r: PipelineResult, goal: FairnessGoal) => bySex(r)[GOAL_DISPARITY[goal]] as number;

let baseline: PipelineResult;
beforeAll(async () => {
  main = await load('public/samples/adult.csv');
  testTable = await load('public/samples/adult-test.csv');
  baseline = await run();
}, 60_000);

describe('remedies on UCI Adult by sex, logistic regression', () => {
  it('the baseline shows the gap the reference has', () => {
    expect(accuracy(baseline)).toBeCloseTo(0.853, 2);
    expect(gap(baseline, 'demographic-parity')).toBeGreaterThan(0.15);
    expect(baseline.mitigation).toBeNull();
  });

  it('reweighing lands on the reference: parity gap about 0.080, accuracy about 0.845', async () => {
    const r = await run({ method: 'reweigh' });
    console.info(
      `reweigh: accuracy ${accuracy(r).toFixed(4)}, DP ${gap(r, 'demographic-parity').toFixed(4)}`,
    );
    expect(r.mitigation).toEqual({ method: 'reweigh', attribute: 'sex', options: {} });
    // Measured 0.0819 and 0.8471 (the best epoch picked by the reweighted validation loss, as the weighted
    // objective scikit-learn minimises; by the plain loss it was 0.102 and 0.844).
    expect(gap(r, 'demographic-parity')).toBeCloseTo(0.08, 1);
    expect(Math.abs(gap(r, 'demographic-parity') - 0.08)).toBeLessThan(0.015);
    expect(Math.abs(accuracy(r) - 0.845)).toBeLessThan(0.005);
    expect(accuracy(r)).toBeLessThan(accuracy(baseline));
  }, 60_000);

  it('resampling lowers the parity gap', async () => {
    const r = await run({ method: 'resample' });
    expect(gap(r, 'demographic-parity')).toBeLessThan(0.7 * gap(baseline, 'demographic-parity'));
    expect(r.mitigation?.options.trainingRows).toBeGreaterThan(0.95 * baseline.split.train.length);
  }, 60_000);

  for (const goal of ['demographic-parity', 'equal-opportunity', 'equalized-odds'] as const)
    it(`the penalty lowers the ${goal} gap`, async () => {
      const r = await run({ method: 'penalty', fairness: goal });
      expect(r.mitigation?.options).toEqual({ fairness: goal, lambda: 5 });
      expect(gap(r, goal)).toBeLessThan(0.6 * gap(baseline, goal));
    }, 60_000);

  for (const goal of ['demographic-parity', 'equal-opportunity', 'equalized-odds'] as const)
    it(`group thresholds meet ${goal} on the validation rows and lower it on the test rows`, async () => {
      const r = await run({ method: 'thresholds', fairness: goal });
      const options = r.mitigation?.options;
      // On the validation rows the rules hold in expectation to rounding (a stated tolerance of 0.001);
      // the test rows are new data, so their gap is only smaller, not zero.
      expect(options?.validation?.violation).toBeLessThan(0.001);
      expect(options?.rules?.map((rule) => rule.group).sort()).toEqual(['Female', 'Male']);
      expect(gap(r, goal)).toBeLessThan(0.6 * gap(baseline, goal));
      // Decisions are the groups' own, so they are not a threshold of the score: no single threshold field.
      expect(r.predictions.predicted).not.toEqual(
        Float64Array.from(r.predictions.score, (p) => (p >= 0.5 ? 1 : 0)),
      );
    }, 60_000);

  it('dropping proxies leaves out relationship and marital status, and lowers the parity gap', async () => {
    const r = await run({ method: 'drop-proxies' });
    expect(r.mitigation?.options.dropped).toEqual(['relationship', 'marital-status']);
    expect(r.inputs).not.toContain('relationship');
    expect(gap(r, 'demographic-parity')).toBeLessThan(0.6 * gap(baseline, 'demographic-parity'));
  }, 60_000);

  it('protects an intersection (sex × race) too: reweighing by its cells lowers its parity gap', async () => {
    const both = { ...SETTINGS, sensitive: [{ column: 'sex' }, { column: 'race' }] };
    const runWith = async (mitigation?: MitigationRequest) => {
      const r = await runPipeline({
        ...main,
        testTable,
        settings: both,
        model: 'logistic',
        seed: 42,
        backend: 'typescript',
        ...(mitigation ? { mitigation } : {}),
      });
      if (!r.ok) throw new Error(r.reason.code);
      const entry = fairnessAudit(r.data).find((e) => e.attribute === 'sex × race') as BinaryAuditEntry;
      return { r: r.data, gap: entry.demographicParityDifference as number };
    };
    const plain = await runWith();
    const reweighed = await runWith({ method: 'reweigh', attribute: 'sex × race' });
    expect(reweighed.r.mitigation?.attribute).toBe('sex × race');
    expect(reweighed.gap).toBeLessThan(0.75 * plain.gap);
  }, 60_000);

  it('group thresholds without validation rows, and a drop that would drop nothing, are refused with a reason', async () => {
    const noValidation = await runPipeline({
      ...main,
      settings: SETTINGS,
      model: 'tree',
      seed: 1,
      fractions: { train: 0.85, validation: 0, test: 0.15 },
      mitigation: { method: 'thresholds' },
    });
    expect(noValidation.ok ? null : noValidation.reason.params).toEqual({
      method: 'thresholds',
      reason: 'no-validation',
    });
    const race = { ...SETTINGS, sensitive: [{ column: 'sex' }, { column: 'race' }] };
    const drop = await runPipeline({
      ...main,
      testTable,
      settings: race,
      model: 'tree',
      seed: 1,
      mitigation: { method: 'drop-proxies', attribute: 'race' },
    });
    // The strongest proxy of race, native-country, guesses it at 0.43 (chance 0.2): under the 0.52 bar, and
    // race is not an input, so the remedy would retrain the plain model. It says so instead.
    expect(drop.ok ? null : drop.reason.params).toEqual({
      method: 'drop-proxies',
      reason: 'no-proxies',
      attribute: 'race',
    });
  }, 60_000);

  it('the penalty refuses the tree models with a reason, and an unknown attribute is named', async () => {
    const tree = await runPipeline({
      ...main,
      settings: SETTINGS,
      model: 'tree',
      seed: 1,
      mitigation: { method: 'penalty' },
    });
    expect(tree.ok ? null : tree.reason).toEqual({
      code: 'mitigation-unavailable',
      params: { method: 'penalty', reason: 'penalty-needs-network' },
    });
    const unknown = await runPipeline({
      ...main,
      settings: SETTINGS,
      model: 'tree',
      seed: 1,
      mitigation: { method: 'reweigh', attribute: 'race' },
    });
    expect(unknown.ok ? null : unknown.reason.params).toMatchObject({
      reason: 'unknown-attribute',
      attribute: 'race',
    });
  }, 60_000);
});
