// The Node half of the training benchmark (run by scripts/bench-train.mjs through tsx): every model on UCI
// Adult's official split with the CLI's pipeline, on the typed-array loop and on TF.js's CPU backend. Prints
// one JSON array on stdout.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../src/data/parse';
import { DEFAULT_SETTINGS } from '../src/data/settings';
import { runPipeline } from '../src/pipeline/train';
import type { Backend, ModelKind } from '../src/pipeline/types';
import { explainRun } from '../src/explain/run';
import { createThresholdIndex } from '../src/metrics/threshold';
import { auditGroupings, fairnessAudit, type BinaryAuditEntry } from '../src/pipeline/audit';
import { MITIGATION_METHODS } from '../src/pipeline/mitigation';
import { buildReport, reportAtThreshold } from '../src/report/report';

async function load(file: string) {
  const parsed = await parseCsv(new Uint8Array(readFileSync(file)), {});
  if (!parsed.ok) throw new Error(`${file}: ${parsed.reason.code}`);
  return { table: parsed.data.table, kinds: parsed.data.kinds };
}

const main = await load('public/samples/adult.csv');
const testTable = await load('public/samples/adult-test.csv');
const settings = {
  ...DEFAULT_SETTINGS,
  target: 'income',
  positiveClass: '>50K',
  sensitive: [{ column: 'sex' }, { column: 'race' }],
};

/** The median of some durations, in ms. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs: [ModelKind, Backend][] = [
  ['logistic', 'typescript'],
  ['logistic', 'cpu'],
  ['mlp', 'typescript'],
  ['mlp', 'cpu'],
  ['tree', 'typescript'],
  ['boosted', 'typescript'],
];
const results = [];
for (const [model, backend] of runs) {
  const started = performance.now();
  let trainStart = 0;
  let firstEpoch: number | null = null;
  const result = await runPipeline({
    ...main,
    testTable,
    settings,
    model,
    seed: 42,
    backend,
    onProgress: (e) => {
      if (e.type === 'stage' && e.stage === 'train') trainStart = performance.now();
      if (e.type === 'epoch' && e.epoch === 1) firstEpoch = performance.now() - trainStart;
    },
  });
  if (!result.ok) throw new Error(`${model} on ${backend}: ${result.reason.code}`);
  const r = result.data;
  // Permutation importance on the 16,281 test rows (12 columns × 5 repeats), as the worker runs it.
  const explainStart = performance.now();
  const explanation = await explainRun(r, { seed: 42 });
  const importanceMs = performance.now() - explainStart;
  // The threshold slider: every threshold-dependent figure and the audit (sex, race, sex × race) at a new
  // threshold, from the sorted scores (index built once, timed apart).
  const report = buildReport(r, { datasetName: 'adult.csv', importance: explanation.importance });
  const { y, score } = r.predictions;
  const indexStart = performance.now();
  const index = createThresholdIndex(y, score, auditGroupings(r.testGroups));
  const indexMs = performance.now() - indexStart;
  const scored = { ...r.predictions, testGroups: r.testGroups };
  const thresholdMs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    reportAtThreshold(report, scored, 0.25 + i / 100, index);
    thresholdMs.push(performance.now() - start);
  }
  results.push({
    importanceMs,
    thresholdIndexMs: indexMs,
    thresholdRecomputeMs: median(thresholdMs),
    where: 'node',
    model,
    backend: r.model.backend,
    epochs: r.model.epochs,
    capped: false,
    firstEpochMs: firstEpoch,
    trainMs: r.model.trainMs,
    wholeRunMs: performance.now() - started,
    trainRows: r.split.train.length,
    accuracy: (r.metrics as { accuracy: number }).accuracy,
  });
}

// Issue 5: "try all remedies" as the app runs it (each remedy trained and explained, one after another, on
// the same split and seed), sex as the attribute, default settings.
const remedies = [];
for (const model of ['logistic', 'boosted'] as const) {
  const methods = MITIGATION_METHODS.filter((m) => model === 'logistic' || m !== 'penalty');
  const started = performance.now();
  const each = [];
  for (const method of methods) {
    const start = performance.now();
    const result = await runPipeline({
      ...main,
      testTable,
      settings,
      model,
      seed: 42,
      backend: 'typescript',
      mitigation: { method, attribute: 'sex' },
    });
    if (!result.ok) throw new Error(`${method} with ${model}: ${result.reason.code}`);
    await explainRun(result.data, { seed: 42 });
    const sex = fairnessAudit(result.data).find((e) => e.attribute === 'sex') as BinaryAuditEntry;
    each.push({
      method,
      ms: performance.now() - start,
      accuracy: (result.data.metrics as { accuracy: number }).accuracy,
      demographicParityDifference: sex.demographicParityDifference,
    });
  }
  remedies.push({
    kind: 'remedies',
    where: 'node',
    model,
    backend: 'typescript',
    totalMs: performance.now() - started,
    runs: each,
  });
}
console.log(JSON.stringify([...results, ...remedies]));
