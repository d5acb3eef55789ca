import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS } from '../data/settings';
import { DEFAULT_TRAIN_CHOICES } from '../state/training';
import { trainJob, type Runtime } from './trainSession';

// The explanations fail (a bug, memory): the trained model and its figures must not be lost with them.
vi.mock('../explain/run', () => ({
  explainRun: () => Promise.reject(new Error('explaining failed')),
}));

const runtime: Runtime = {
  probe: async () => [],
  activate: async () => ({ ok: true }),
  retire: () => {},
  loseDevice: () => {},
};

describe('trainJob when explaining fails', () => {
  it('keeps the trained model and its report, without explanations', async () => {
    const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
    if (!parsed.ok) throw new Error('german-credit.csv did not parse');
    const result = await trainJob(
      {
        main: { table: parsed.data.table, kinds: parsed.data.kinds },
        mainName: 'german-credit.csv',
        settings: { ...DEFAULT_SETTINGS, target: 'credit risk', positiveClass: 'good' },
        choices: { ...DEFAULT_TRAIN_CHOICES, model: 'tree' },
      },
      runtime,
      { emit: () => {} },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.explanation).toBeUndefined();
    expect(result.data.report.importance).toBeUndefined();
    expect(typeof result.data.report.metrics.accuracy).toBe('number');
  });
});
