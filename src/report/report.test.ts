import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS } from '../data/settings';
import { runPipeline, type PipelineResult } from '../pipeline/train';
import { fairnessAudit, type BinaryAuditEntry } from '../pipeline/audit';
import { buildReport, REPORT_TYPE, reportAtThreshold, validateReport, type Report } from './report';
import { explainRun } from '../explain/run';
import { createThresholdIndex } from '../metrics/threshold';
import { auditGroupings, fairnessAudit as auditAt } from '../pipeline/audit';
import { classificationMetrics } from '../metrics/classification';

let result: PipelineResult;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(`german-credit.csv did not parse: ${parsed.reason.code}`);
  const settings = {
    ...DEFAULT_SETTINGS,
    target: 'credit risk',
    positiveClass: 'good',
    sensitive: [{ column: 'sex' }],
  };
  const run = await runPipeline({
    ...parsed.data,
    settings,
    model: 'boosted',
    seed: 42,
    options: { nEstimators: 10 },
  });
  if (!run.ok) throw new Error(`the pipeline failed: ${run.reason.code}`);
  result = run.data;
});

const CREATED = new Date('2025-01-02T03:04:05.000Z');
const report = (): Report => buildReport(result, { datasetName: 'german-credit.csv', createdAt: CREATED });
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('buildReport', () => {
  it('carries the fairness audit of the sensitive attributes on the test rows', () => {
    const r = report();
    expect(r.fairness?.map((e) => e.attribute)).toEqual(['sex']);
    const sex = r.fairness?.[0] as BinaryAuditEntry;
    expect(sex.groups.map((g) => g.group).sort()).toEqual(['female', 'male']);
    expect(sex.groups.reduce((n, g) => n + g.count, 0)).toBe(r.split.test);
    expect(sex).toEqual(fairnessAudit(result)[0]);
    expect(validateReport(roundTrip(r)).ok).toBe(true);
  });

  it('writes the documented, versioned object', () => {
    const r = report();
    expect(Object.keys(r)).toEqual([
      'type',
      'version',
      'app',
      'createdAt',
      'dataset',
      'task',
      'target',
      'positiveClass',
      'classes',
      'sensitive',
      'split',
      'model',
      'metrics',
      'fairness',
      'threshold',
      'mitigation',
      'proxies',
    ]);
    expect(r).toMatchObject({
      type: 'lepton-workbench-report',
      version: 1,
      app: 'lepton-workbench',
      createdAt: '2025-01-02T03:04:05.000Z',
      dataset: { name: 'german-credit.csv', rows: 1000, columns: 22, testFile: null },
      task: 'binary',
      target: 'credit risk',
      positiveClass: 'good',
      classes: ['bad', 'good'],
      sensitive: ['sex'],
      split: { train: 700, validation: 150, test: 150, seed: 42 },
      model: { kind: 'boosted', backend: 'typescript', epochs: 10 },
    });
    expect(r.model.options).toMatchObject({ nEstimators: 10, learningRate: 0.1, maxDepth: 3 });
    expect(r.model.trainMs).toBeGreaterThanOrEqual(0);
    for (const name of [
      'accuracy',
      'baselineAccuracy',
      'balancedAccuracy',
      'precision',
      'recall',
      'f1',
      'rocAuc',
      'logLoss',
    ]) {
      expect(typeof r.metrics[name]).toBe('number');
    }
    expect(r.metrics.baselineAccuracy).toBeCloseTo(0.7, 10);
    expect(r.metrics.confusion).toEqual((result.metrics as { confusion: number[][] }).confusion);
  });

  it('names the test file when there is one', () => {
    const withTest = { ...result, testFileRows: 500 };
    const r = buildReport(withTest, { datasetName: 'a.csv', testFileName: 'b.csv', createdAt: CREATED });
    expect(r.dataset.testFile).toEqual({ name: 'b.csv', rows: 500 });
  });

  it('writes an undefined figure (NaN) as null, which JSON can hold', () => {
    const r = buildReport(
      { ...result, metrics: { ...result.metrics, precision: NaN } },
      { datasetName: 'x' },
    );
    expect(r.metrics.precision).toBeNull();
    expect(validateReport(roundTrip(r)).ok).toBe(true);
  });
});

describe('validateReport', () => {
  it('accepts a report read back from JSON, unchanged', () => {
    const r = report();
    const back = validateReport(roundTrip(r));
    expect(back).toEqual({ ok: true, data: r });
  });

  it('keeps fields a later version added, and reads a missing testFile as none', () => {
    const json = roundTrip(report()) as Record<string, Record<string, unknown>>;
    json.explanations = { note: 'added later' };
    delete json.dataset.testFile;
    const back = validateReport(json);
    expect(back.ok && (back.data as unknown as Record<string, unknown>).explanations).toEqual({
      note: 'added later',
    });
    expect(back.ok && back.data.dataset.testFile).toBeNull();
  });

  it('refuses what is not a report, or a newer version', () => {
    expect(validateReport(null)).toEqual({ ok: false, reason: { code: 'not-a-report' } });
    expect(validateReport([1, 2])).toEqual({ ok: false, reason: { code: 'not-a-report' } });
    expect(validateReport({ ...report(), type: 'something-else' })).toEqual({
      ok: false,
      reason: { code: 'not-a-report' },
    });
    expect(validateReport({ ...report(), version: 2 })).toEqual({
      ok: false,
      reason: { code: 'newer-version' },
    });
    expect(validateReport({ type: REPORT_TYPE, version: '1' })).toMatchObject({
      ok: false,
      reason: { code: 'invalid-field', field: 'version' },
    });
  });

  it('names the first field that is missing or of the wrong type', () => {
    const broken = (edit: (r: Record<string, Record<string, unknown>>) => void) => {
      const json = roundTrip(report()) as Record<string, Record<string, unknown>>;
      edit(json);
      const result = validateReport(json);
      return result.ok ? null : result.reason.field;
    };
    expect(broken((r) => delete r.createdAt)).toBe('createdAt');
    expect(broken((r) => (r.dataset.rows = -1))).toBe('dataset.rows');
    expect(broken((r) => (r.task = 'clustering' as never))).toBe('task');
    expect(broken((r) => delete r.model.kind)).toBe('model.kind');
    expect(broken((r) => (r.model.backend = 'tpu'))).toBe('model.backend');
    expect(broken((r) => delete r.split.seed)).toBe('split.seed');
    expect(broken((r) => delete r.metrics.baselineAccuracy)).toBe('metrics.baselineAccuracy');
    expect(broken((r) => (r.metrics.f1 = 'high'))).toBe('metrics.f1');
    expect(broken((r) => (r.sensitive = ['sex', 3] as never))).toBe('sensitive');
  });
});

describe('report: importance, proxies and the decision threshold (issue 4)', () => {
  it('lists permutation importance {feature, mean, std} sorted by mean, and the proxies {feature, attribute, score}', async () => {
    const explanation = await explainRun(result, { seed: 1, repeats: 2 });
    const r = buildReport(result, {
      datasetName: 'g.csv',
      createdAt: CREATED,
      importance: explanation.importance,
    });
    expect(r.importance?.length).toBe(result.preprocessor.encoders.length);
    const means = r.importance?.map((c) => c.mean) ?? [];
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(Object.keys(r.importance?.[0] ?? {})).toEqual(['feature', 'mean', 'std']);
    expect(r.proxies?.length).toBeGreaterThan(0);
    for (const p of r.proxies ?? []) {
      expect(p.attribute).toBe('sex');
      expect(p.score === null || (p.score >= 0 && p.score <= 1)).toBe(true);
    }
    expect(validateReport(roundTrip(r)).ok).toBe(true);
  });

  it('at threshold ½ is the report as built; at another threshold every figure is recomputed from the scores', () => {
    const base = report();
    const { y, score, predicted } = result.predictions;
    const scored = { y, score, predicted, testGroups: result.testGroups };
    const index = createThresholdIndex(y, score, auditGroupings(result.testGroups));
    expect(reportAtThreshold(base, scored, 0.5, index)).toEqual(base);
    const at = reportAtThreshold(base, scored, 0.3, index);
    expect(at.threshold).toBe(0.3);
    const direct = classificationMetrics(
      y,
      Float64Array.from(score, (p) => (p >= 0.3 ? 1 : 0)),
      score,
    );
    expect(at.metrics.accuracy).toBe(direct.accuracy);
    expect(at.metrics.f1).toBe(direct.f1);
    expect(at.metrics.rocAuc).toBe(base.metrics.rocAuc);
    expect(at.fairness).toEqual(JSON.parse(JSON.stringify(auditAt(result, 0.3))));
    expect(validateReport(roundTrip(at)).ok).toBe(true);
  });
});

describe('exportedReport', () => {
  it('puts the baseline beside a mitigated run and marks the chosen one', async () => {
    const { exportedReport } = await import('./report');
    const base = {
      createdAt: 'then',
      model: { kind: 'logistic' },
      metrics: { accuracy: 0.85 },
      threshold: 0.5,
    };
    const run = {
      ...base,
      mitigation: { method: 'reweigh', attribute: 'sex', options: {} },
      metrics: { accuracy: 0.84 },
    };
    type R = Parameters<typeof exportedReport>[0];
    const out = exportedReport(run as unknown as R, { chosen: true, baseline: base as unknown as R });
    expect(out.chosen).toBe(true);
    expect(out.baseline).toEqual({
      createdAt: 'then',
      model: { kind: 'logistic' },
      metrics: { accuracy: 0.85 },
      threshold: 0.5,
    });
    // A plain run has no baseline beside it.
    expect(
      exportedReport(base as unknown as R, { chosen: false, baseline: base as unknown as R }).baseline,
    ).toBeUndefined();
  });
});
