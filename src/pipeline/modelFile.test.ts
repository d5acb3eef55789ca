import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { ParsedTable } from '../data/types';
import { buildModelFile, parseModelFile, scoreWithModelFile, type ModelFile } from './modelFile';
import { runPipeline, type PipelineResult } from './train';

/** German credit (1,000 rows): a run exported, read back, and used to score rows as a new file. */
let german: ParsedTable;
const SETTINGS: DataSettings = {
  ...DEFAULT_SETTINGS,
  target: 'credit risk',
  positiveClass: 'good',
  sensitive: [{ column: 'sex' }],
  steps: [
    { type: 'impute', column: 'age', strategy: 'median' },
    { type: 'drop-missing', column: 'duration (months)' },
  ],
};

async function train(model: 'logistic' | 'tree' | 'boosted' | 'mlp'): Promise<PipelineResult> {
  const result = await runPipeline({ ...german, settings: SETTINGS, model, seed: 42, backend: 'typescript' });
  if (!result.ok) throw new Error(JSON.stringify(result.reason));
  return result.data;
}

const fileOf = (r: PipelineResult, threshold = 0.5): ModelFile =>
  buildModelFile({
    source: { dataset: 'german-credit.csv', model: 'tree', mitigation: null },
    task: r.task,
    target: r.target,
    classes: r.classes,
    positiveClass: r.positiveClass,
    threshold,
    settings: SETTINGS,
    cleaningFits: r.cleaningFits,
    preprocessor: r.preprocessor,
    model: r.model.fitted,
  });

async function parse(text: string): Promise<ParsedTable> {
  const parsed = await parseCsv(new TextEncoder().encode(text), {});
  if (!parsed.ok) throw new Error(parsed.reason.code);
  return parsed.data;
}

let tree: PipelineResult;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(parsed.reason.code);
  german = parsed.data;
  tree = await train('tree');
});

describe('model file', () => {
  it('survives JSON and scores the training file as the run scored its test rows', async () => {
    for (const r of [tree, await train('logistic'), await train('boosted')]) {
      const read = parseModelFile(JSON.stringify(fileOf(r)));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const scored = scoreWithModelFile(read.data, german);
      expect(scored.ok).toBe(true);
      if (!scored.ok) return;
      expect(scored.data.rows).toBe(1000);
      // The run's test rows index the cleaned table, which here keeps every row (no duration is missing).
      const { test } = r.split;
      for (let i = 0; i < test.length; i += 17)
        expect(scored.data.scored.score[test[i]]).toBeCloseTo(r.predictions.score[i], 12);
    }
  });

  it('keeps the stored cleaning fits: a missing age gets the training median, not the new file’s', async () => {
    const fit = tree.cleaningFits[0] as { fill: number };
    expect(typeof fit.fill).toBe('number');
    const header = german.table.columns.map((c) => c.name);
    const row = (age: string) =>
      header.map((name) => (name === 'age' ? age : name === 'credit risk' ? '' : 'x')).join(',');
    const file = fileOf(tree);
    // Two files that differ only in a row whose age is given: a re-fitted median would differ between them.
    const a = await parse([header.join(','), row(''), row('20'), row('20')].join('\n'));
    const b = await parse([header.join(','), row(''), row('90'), row('90')].join('\n'));
    const sa = scoreWithModelFile(file, a);
    const sb = scoreWithModelFile(file, b);
    if (!sa.ok || !sb.ok) throw new Error('scoring failed');
    expect(sa.data.scored.score[0]).toBe(sb.data.scored.score[0]);
  });

  it('scores every row: a step that removes rows in training removes none here', async () => {
    const header = german.table.columns.map((c) => c.name);
    const rows = [header.join(','), header.map((n) => (n === 'duration (months)' ? '' : '1')).join(',')];
    const scored = scoreWithModelFile(fileOf(tree), await parse(rows.join('\n')));
    expect(scored.ok && scored.data.rows).toBe(1);
  });

  it('applies the threshold, names missing columns, lists extra ones and neutralises formulas', async () => {
    const header = german.table.columns.map((c) => c.name).filter((n) => n !== 'credit risk');
    const cells = (first: string) => header.map((n, i) => (i === 0 ? first : n === 'age' ? '30' : 'none'));
    const text = [
      [...header, 'note'].join(','),
      [...cells('=HYPERLINK("http://evil")'), '@SUM(A1)'].map((c) => `"${c.replace(/"/g, '""')}"`).join(','),
    ].join('\n');
    const table = await parse(text);
    const low = scoreWithModelFile(fileOf(tree, 0), table);
    const high = scoreWithModelFile(fileOf(tree, 1), table);
    if (!low.ok || !high.ok) throw new Error('scoring failed');
    expect(low.data.scored.labels[0]).toBe('good');
    expect(high.data.scored.labels[0]).toBe(high.data.scored.score[0] >= 1 ? 'good' : 'bad');
    expect(low.data.columns.extra).toEqual(['sex', 'note']); // sex is sensitive: not a model input
    const [head, line] = low.data.csv.split('\r\n');
    expect(head.endsWith(',note,prediction,probability')).toBe(true);
    expect(line.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
    expect(line).toContain(`'@SUM(A1)`);

    const lacking = await parse(['age,sex', '30,male'].join('\n'));
    const missing = scoreWithModelFile(fileOf(tree), lacking);
    expect(!missing.ok && missing.reason.code).toBe('score-columns-missing');
  });

  it('refuses what is not a model file, a newer version, and damaged or edited parts', () => {
    const good = fileOf(tree);
    const reason = (value: unknown) => {
      const read = parseModelFile(typeof value === 'string' ? value : JSON.stringify(value));
      return read.ok
        ? 'ok'
        : `${read.reason.params?.reason}${read.reason.params?.part ? `:${read.reason.params.part}` : ''}`;
    };
    expect(reason(good)).toBe('ok');
    expect(reason('{"format":')).toBe('not-json');
    expect(reason({ hello: 1 })).toBe('not-model');
    expect(reason({ ...good, version: 99 })).toBe('newer-version');
    expect(reason({ ...good, threshold: 2 })).toBe('damaged:threshold');
    expect(reason({ ...good, classes: ['a'] })).toBe('damaged:classes');
    expect(reason({ ...good, cleaningFits: [] })).toBe('damaged:cleaningFits');
    expect(reason({ ...good, preprocessor: { ...good.preprocessor, featureNames: ['a'] } })).toBe(
      'damaged:preprocessor',
    );
    const nodes = (good.model as { nodes: { left: number }[] }).nodes.map((n) => ({
      ...n,
      left: n.left >= 0 ? 99999 : -1,
    }));
    expect(reason({ ...good, model: { ...good.model, nodes } })).toBe('damaged:model');
    // A node pointing back at itself would make every walk of the tree run forever.
    const loop = (good.model as { nodes: { left: number }[] }).nodes.map((n, i) => ({
      ...n,
      left: n.left >= 0 ? i : -1,
    }));
    expect(reason({ ...good, model: { ...good.model, nodes: loop } })).toBe('damaged:model');
    expect(reason({ ...good, version: 'one' })).toBe('damaged:version');
    expect(reason({ ...good, cleaningFits: [{ fill: {} }, null] })).toBe('damaged:cleaningFits');
  });
});
