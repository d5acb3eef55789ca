import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import { renameColumn, setColumnStep, setTarget, toggleSensitive } from './settingsActions';

const base: DataSettings = {
  ...DEFAULT_SETTINGS,
  target: 'Column 15',
  sensitive: [{ column: 'Column 10' }],
  steps: [{ type: 'drop-missing', column: 'Column 10' }],
  kindOverrides: { 'Column 10': 'categorical' },
};

describe('settings actions', () => {
  it('a rename follows every reference to the column', () => {
    const s = renameColumn(base, 9, 'Column 10', ' sex ');
    expect(s.renames).toEqual({ 9: 'sex' });
    expect(s.sensitive).toEqual([{ column: 'sex' }]);
    expect(s.steps).toEqual([{ type: 'drop-missing', column: 'sex' }]);
    expect(s.kindOverrides).toEqual({ sex: 'categorical' });
    expect(s.target).toBe('Column 15');
  });

  it('an empty rename is ignored', () => {
    expect(renameColumn(base, 9, 'Column 10', '  ')).toEqual({ ...base, renames: {} });
  });

  it('a column keeps one cleaning step, replaced by the next choice', () => {
    const s = setColumnStep(base, 'Column 10', { type: 'exclude', column: 'Column 10' });
    expect(s.steps).toEqual([{ type: 'exclude', column: 'Column 10' }]);
    expect(setColumnStep(s, 'Column 10', null).steps).toEqual([]);
  });

  it('choosing a sensitive attribute as the target removes it from the sensitive list and resets the class', () => {
    const s = setTarget({ ...base, positiveClass: 'x', task: 'binary' }, 'Column 10');
    expect(s).toMatchObject({ target: 'Column 10', positiveClass: null, task: null, sensitive: [] });
  });

  it('toggling a sensitive attribute adds it once and removes it', () => {
    const on = toggleSensitive(toggleSensitive(base, 'age', true), 'age', true);
    expect(on.sensitive).toEqual([{ column: 'Column 10' }, { column: 'age' }]);
    expect(toggleSensitive(on, 'age', false).sensitive).toEqual([{ column: 'Column 10' }]);
  });
});
