import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { TrainOutcome } from '../workers/trainProtocol';
import { trainJob, type Runtime } from '../workers/trainSession';
import { buildProject, parseProject, projectBytes, projectText, PROJECT_VERSION } from './project';
import { initialState, type AppState } from './store';
import { DEFAULT_TRAIN_CHOICES, type TrainingRun } from './training';

/** A real finished run on German credit (a tree: no TF.js backend needed), saved and read back. */
const SETTINGS: DataSettings = {
  ...DEFAULT_SETTINGS,
  target: 'credit risk',
  positiveClass: 'good',
  sensitive: [{ column: 'sex' }],
};
const bytes = new Uint8Array(readFileSync('public/samples/german-credit.csv'));
let outcome: TrainOutcome;
const noGpu: Runtime = {
  probe: async () => [],
  activate: async () => ({ ok: false, error: 'none' }),
  retire: () => {},
} as unknown as Runtime;

beforeAll(async () => {
  const parsed = await parseCsv(bytes, {});
  if (!parsed.ok) throw new Error('no parse');
  const result = await trainJob(
    {
      main: parsed.data,
      mainName: 'german-credit.csv',
      settings: SETTINGS,
      choices: { ...DEFAULT_TRAIN_CHOICES, model: 'tree' },
    },
    noGpu,
    { emit: () => {} },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.reason));
  outcome = result.data;
});

function run(id: string, threshold = 0.5): TrainingRun {
  return {
    id,
    status: 'done',
    model: 'tree',
    stage: 'explain',
    epoch: 0,
    epochs: 0,
    threshold,
    startedAt: 1,
    firstEpochAt: null,
    lastEpochAt: null,
    history: { trainLoss: [], validationLoss: [], validationMetric: [] },
    decision: outcome.decision,
    fallbacks: [],
    outcome,
    error: null,
    basis: '{}',
  };
}

function state(): AppState {
  const runs = [run('a'), run('b', 0.4)];
  return {
    ...initialState,
    dataset: { name: 'german-credit.csv', bytes: bytes.length, summary: {} as never },
    settings: SETTINGS,
    trainChoices: { ...DEFAULT_TRAIN_CHOICES, model: 'tree', seed: 7 },
    runs,
    chosenRunId: 'b',
    training: runs[1],
  };
}

describe('project file', () => {
  it('round-trips settings, choices, runs with their explanations, the choice and the data bytes', () => {
    const text = projectText(buildProject(state(), { data: bytes }));
    const read = parseProject(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const project = read.data;
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.settings).toEqual(SETTINGS);
    expect(project.trainChoices.seed).toBe(7);
    expect(project.runs.map((r) => r.id)).toEqual(['a', 'b']);
    expect(project.chosenRunId).toBe('b');
    expect(project.training?.threshold).toBe(0.4);
    const scored = project.runs[1].outcome!.explanation!.scored;
    expect(scored.score).toBeInstanceOf(Float64Array);
    expect(Array.from(scored.score)).toEqual(Array.from(outcome.explanation!.scored.score));
    expect(project.runs[1].outcome!.report).toEqual(outcome.report);
    expect(projectBytes(project.data)).toEqual(bytes);
  });

  it('saves without the data when asked: no bytes, and no example rows in the explanations', () => {
    const read = parseProject(projectText(buildProject(state(), {})));
    expect(read.ok && read.data.data).toEqual({ name: 'german-credit.csv', bytes: bytes.length });
    if (!read.ok) return;
    expect(projectBytes(read.data.data)).toBeNull();
    expect(outcome.explanation!.examples.rows.length).toBeGreaterThan(0);
    for (const run of [...read.data.runs, read.data.training!])
      expect(run.outcome!.explanation!.examples).toEqual({ rows: [], y: [] });
  });

  it('upgrades a version 1 project: its one finished run starts the comparison', () => {
    const v1 = {
      format: 'lepton-project',
      version: 1,
      savedAt: '2026-11-01T00:00:00.000Z',
      data: { name: 'german-credit.csv', bytes: bytes.length, sampleId: 'german-credit' },
      settings: SETTINGS,
      training: { choices: { ...DEFAULT_TRAIN_CHOICES, model: 'tree' }, run: run('old') },
    };
    const read = parseProject(projectText(v1 as never));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data.version).toBe(PROJECT_VERSION);
    expect(read.data.runs.map((r) => r.id)).toEqual(['old']);
    expect(read.data.training?.id).toBe('old');
    expect(read.data.trainChoices.model).toBe('tree');
    expect(read.data.chosenRunId).toBeNull();
    expect(read.data.testFile).toBeNull();
  });

  it('refuses other files, newer versions and tampering, saying which part', () => {
    const good = JSON.parse(projectText(buildProject(state(), { data: bytes })));
    const problem = (value: unknown) => {
      const read = parseProject(typeof value === 'string' ? value : JSON.stringify(value));
      return read.ok
        ? 'ok'
        : [read.reason.params?.reason, read.reason.params?.part].filter(Boolean).join(':');
    };
    expect(problem(good)).toBe('ok');
    expect(problem('PK\u0003\u0004 a zip file')).toBe('not-json');
    expect(problem({ format: 'lepton-workbench-report', version: 1 })).toBe('not-project');
    expect(problem({ ...good, version: 3 })).toBe('newer-version');
    expect(problem({ ...good, version: 'two' })).toBe('damaged:version');
    expect(problem({ ...good, settings: { ...good.settings, steps: [{ type: 'rm -rf' }] } })).toBe(
      'damaged:settings',
    );
    expect(problem({ ...good, data: { name: 'x.csv', bytes: 3, base64: '***' } })).toBe('damaged:data');
    const runs = structuredClone(good.runs);
    runs[0].outcome.report.metrics = 'very good';
    expect(problem({ ...good, runs })).toBe('damaged:report');
    const short = structuredClone(good.runs);
    short[1].outcome.explanation.scored.predicted = { $typed: 'Float64Array', base64: 'AAAAAAAAAAA=' };
    expect(problem({ ...good, runs: short })).toBe('damaged:explanation');
    const odd = structuredClone(good.runs);
    odd[0].outcome.explanation.scored.y = { $typed: 'Float64Array', base64: 'AAE=' };
    expect(problem({ ...good, runs: odd })).toBe('damaged:runs');
    expect(problem({ ...good, runs: [{ id: 'x', status: 'done', model: 'quantum' }] })).toBe('damaged:runs');
    const noImportance = structuredClone(good.runs);
    delete noImportance[0].outcome.explanation.importance;
    expect(problem({ ...good, runs: noImportance })).toBe('damaged:explanation');
    const loop = structuredClone(good.runs);
    loop[0].outcome.explanation.model.nodes[0].left = 0;
    expect(problem({ ...good, runs: loop })).toBe('damaged:explanation');
    const noHistory = structuredClone(good.runs);
    delete noHistory[0].outcome.history;
    expect(problem({ ...good, runs: noHistory })).toBe('damaged:runs');
  });
});
