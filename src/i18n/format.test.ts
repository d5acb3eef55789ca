import { describe, expect, it } from 'vitest';
import { createFormatter } from './format';

describe('number formatting', () => {
  const fmt = createFormatter('en');

  it('shows a measured quantity with the digits that matter', () => {
    expect(fmt.quantity(1623.084)).toBe('1,623');
    expect(fmt.quantity(41.666)).toBe('41.7');
    expect(fmt.quantity(0.31234)).toBe('0.312');
    expect(fmt.quantity(Number.NaN)).toBe('–');
  });

  it('writes axis labels short', () => {
    expect(fmt.compact(5_562_392)).toBe('5.56M');
    expect(fmt.compact(12_000)).toBe('12K');
    expect(fmt.compact(0.3125)).toBe('0.313');
  });

  it('formats percentages and decimals, reusing its formats', () => {
    expect(fmt.percent(0.8529, 1)).toBe('85.3%');
    expect(fmt.decimal(0.30912, 3)).toBe('0.309');
    expect(fmt.decimal(Number.POSITIVE_INFINITY)).toBe('–');
  });
});
