import { describe, expect, it } from 'vitest';
import { inferKind, inferKinds } from './infer';
import type { CategoryColumn, NumberColumn } from './types';

const numbers = (name: string, values: number[]): NumberColumn => ({
  storage: 'number',
  name,
  values: Float64Array.from(values),
});

/** A category column from raw values; null is missing. */
function category(name: string, values: (string | null)[]): CategoryColumn {
  const dictionary: string[] = [];
  const codes = values.map((v) => {
    if (v === null) return -1;
    if (!dictionary.includes(v)) dictionary.push(v);
    return dictionary.indexOf(v);
  });
  return { storage: 'category', name, codes: Int32Array.from(codes), dictionary };
}

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
const kind = (c: NumberColumn | CategoryColumn) =>
  inferKind(c, c.storage === 'number' ? c.values.length : c.codes.length);

describe('inferKind: number columns', () => {
  it('calls a column of zeros and ones boolean, missing values aside', () => {
    expect(kind(numbers('smoker', [0, 1, 1, NaN, 0]))).toBe('boolean');
  });

  it('calls distinct integers named like an id an identifier', () => {
    const ids = range(30).map((i) => i * 7 + 1000);
    expect(kind(numbers('id', ids))).toBe('identifier');
    expect(kind(numbers('customer_id', ids))).toBe('identifier');
    expect(kind(numbers('Patient ID', ids))).toBe('identifier');
    expect(kind(numbers('customerId', ids))).toBe('identifier');
  });

  it('calls the row numbers 1..n or 0..n-1 an identifier whatever the name', () => {
    expect(kind(numbers('Column 1', range(25)))).toBe('identifier');
    expect(kind(numbers('index', range(25, 0)))).toBe('identifier');
  });

  it('does not call a short column of distinct integers an identifier', () => {
    expect(kind(numbers('id', range(19)))).toBe('numeric');
  });

  it('does not call repeated integers or decimals an identifier', () => {
    expect(kind(numbers('id', [...range(25), 3]))).toBe('numeric');
    expect(
      kind(
        numbers(
          'id',
          range(25).map((i) => i + 0.5),
        ),
      ),
    ).toBe('numeric');
  });

  it('does not read id into names such as paid or width', () => {
    const values = range(30).map((i) => i * 13);
    expect(kind(numbers('paid', values))).toBe('numeric');
    expect(kind(numbers('width', values))).toBe('numeric');
  });

  it('calls other numbers numeric', () => {
    expect(kind(numbers('age', [39, 50, 38, 53, 28]))).toBe('numeric');
  });
});

describe('inferKind: category columns', () => {
  it('calls two values from one yes/no vocabulary boolean, in any case', () => {
    expect(kind(category('smoker', ['Yes', 'no', null, 'yes']))).toBe('boolean');
    expect(kind(category('ok', ['TRUE', 'FALSE']))).toBe('boolean');
    expect(kind(category('ok', ['y', 'n']))).toBe('boolean');
    expect(kind(category('ok', ['t', 'f', 't']))).toBe('boolean');
  });

  it('does not call a mix of vocabularies boolean', () => {
    expect(kind(category('ok', ['yes', 'false']))).toBe('categorical');
  });

  it('calls a column of dates a date', () => {
    expect(kind(category('day', ['2024-01-31', '2024-02-01', '2024-03-15T10:00']))).toBe('date');
    expect(kind(category('day', ['31/01/2024', '01/31/2024', '2024/01/31']))).toBe('date');
  });

  it('needs nine in ten values to look like dates', () => {
    const values = [...Array(8).fill('2024-01-31'), 'soon', 'later'];
    expect(kind(category('day', values))).toBe('categorical');
  });

  it('calls many distinct short codes an identifier', () => {
    expect(
      kind(
        category(
          'ticket',
          range(40).map((i) => `T-${i}`),
        ),
      ),
    ).toBe('identifier');
  });

  it('calls many distinct long or spaced values text', () => {
    const long = range(30).map((i) => `a rather long free-text comment number ${i}`);
    const spaced = range(30).map((i) => `ok ${i}`);
    expect(kind(category('comment', long))).toBe('text');
    expect(kind(category('comment', spaced))).toBe('text');
  });

  it('calls a few repeated values categorical', () => {
    expect(kind(category('city', ['Oslo', 'Rome', 'Oslo', 'Lima', null]))).toBe('categorical');
  });

  it('calls a column with no values categorical', () => {
    expect(kind(category('empty', [null, null]))).toBe('categorical');
  });
});

describe('inferKinds', () => {
  it('gives one kind per column in order', () => {
    const table = { rowCount: 3, columns: [numbers('x', [1.5, 2, 3]), category('y', ['a', 'b', 'a'])] };
    expect(inferKinds(table)).toEqual(['numeric', 'categorical']);
  });
});
