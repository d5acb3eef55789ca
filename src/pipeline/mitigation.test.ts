import { describe, expect, it } from 'vitest';
import { codesIn, columnsToDrop, groupingNamed, mitigationBlocked } from './mitigation';

describe('mitigation helpers', () => {
  it('says why a remedy cannot run', () => {
    expect(mitigationBlocked('reweigh', 'tree', 'binary', ['sex'])).toBeNull();
    expect(mitigationBlocked('penalty', 'mlp', 'binary', ['sex'])).toBeNull();
    expect(mitigationBlocked('penalty', 'boosted', 'binary', ['sex'])).toBe('penalty-needs-network');
    expect(mitigationBlocked('thresholds', 'logistic', 'regression', ['sex'])).toBe('not-binary');
    expect(mitigationBlocked('resample', 'logistic', 'binary', [])).toBe('no-sensitive');
  });

  it('drops the attribute(s) and their strong proxies only, strongest first, at most three', () => {
    const p = (feature: string, attribute: string, score: number) => ({
      feature,
      attribute,
      score,
      chance: 0.5,
    });
    const proxies = [
      p('marital', 'sex', 0.73),
      p('relationship', 'sex', 0.8),
      p('age', 'sex', 0.55),
      p('native', 'race', 0.9),
      p('a', 'sex', 0.71),
      p('b', 'sex', 0.72),
    ];
    expect(columnsToDrop(proxies, 'sex')).toEqual(['sex', 'relationship', 'marital', 'b']);
    expect(columnsToDrop(proxies, 'sex × race')).toEqual([
      'sex',
      'race',
      'native',
      'relationship',
      'marital',
    ]);
  });

  it('finds an attribute or an intersection by name and re-codes groups by label', () => {
    const groups = [
      { column: 'sex', labels: ['F', 'M'], codes: Int32Array.from([0, 1, 1, -1]) },
      { column: 'race', labels: ['A', 'B'], codes: Int32Array.from([1, 1, 0, 0]) },
    ];
    const both = groupingNamed(groups, 'sex × race');
    expect(both?.labels).toEqual(['F × B', 'M × A', 'M × B']);
    expect(groupingNamed(groups, 'age')).toBeNull();
    expect(Array.from(codesIn(groupingNamed(groups, 'sex')!, ['M', 'X']))).toEqual([-1, 0, 0, -1]);
  });
});
