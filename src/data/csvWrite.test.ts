import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csvWrite';
import { cells, names, parse } from './parseTestHelpers';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ['@SUM', "'@SUM"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['-1+1', "'-1+1"],
    ['-Infinity', "'-Infinity"],
    ['-', "'-"],
    ['- 3', "'- 3"],
    ['-3 ', "'-3 "],
  ])('prefixes the formula %j with a quote', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['-3.5', '42', 'hello', '', '+2', '-1e-7', '-3,5', '-.5', 'a=b', ' =1', "'=1"])(
    'leaves %j unchanged',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});

describe('toCsv', () => {
  it('writes CRLF records, nulls empty and numbers at full precision', () => {
    const text = toCsv(
      ['a', 'b', 'c'],
      [
        ['x', 1 / 3, null],
        ['y', -2.5, NaN],
        ['z', 1e21, Infinity],
      ],
    );
    expect(text).toBe('a,b,c\r\nx,0.3333333333333333,\r\ny,-2.5,\r\nz,1e+21,\r\n');
  });

  it('quotes fields with the delimiter, quotes, CR or LF and doubles quotes', () => {
    const text = toCsv(
      ['name', 'note'],
      [
        ['Smith, Anna', 'said "hi"'],
        ['two\nlines', 'cr\rhere'],
      ],
    );
    expect(text).toBe('name,note\r\n"Smith, Anna","said ""hi"""\r\n"two\nlines","cr\rhere"\r\n');
  });

  it('quotes by the delimiter in use', () => {
    expect(toCsv(['a', 'b'], [['1,5', 'x;y']], { delimiter: ';' })).toBe('a;b\r\n1,5;"x;y"\r\n');
  });

  it('neutralises formulas in every string cell, header included, before quoting', () => {
    const text = toCsv(
      ['=evil', 'b'],
      [
        ['=1+1', '\r=1'],
        ['-3.5', -3.5],
      ],
    );
    expect(text).toBe("'=evil,b\r\n'=1+1,\"'\r=1\"\r\n-3.5,-3.5\r\n");
  });

  it('writes a lone empty field as "" so it is not a blank line', () => {
    expect(toCsv(['a'], [[''], [null], ['x']])).toBe('a\r\n""\r\n""\r\nx\r\n');
  });

  it('refuses a bad delimiter or a ragged row', () => {
    expect(() => toCsv(['a'], [], { delimiter: '"' })).toThrow(RangeError);
    expect(() => toCsv(['a'], [], { delimiter: ';;' })).toThrow(RangeError);
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
  });

  it('round-trips through the app’s own parser', async () => {
    const header = ['name', 'note', 'score', 'formula'];
    const rows: (string | number | null)[][] = [
      ['Smith, Anna', 'said "hi"', -3.5, '=1+1'],
      ['Bob', 'two\nlines', 42, '@SUM'],
      ['Cleo', 'plain', 0.125, 'hello'],
      ['Dan', 'comma, "and" quote', null, '-cmd|x'],
    ];
    const p = await parse(toCsv(header, rows));
    expect(p.report.malformedRows).toBe(0);
    expect(names(p)).toEqual(header);
    expect(cells(p.table.columns[0])).toEqual(['Smith, Anna', 'Bob', 'Cleo', 'Dan']);
    expect(cells(p.table.columns[1])).toEqual(['said "hi"', 'two\nlines', 'plain', 'comma, "and" quote']);
    expect(cells(p.table.columns[2])).toEqual([-3.5, 42, 0.125, null]);
    // Formulas come back as the quote-prefixed text a spreadsheet shows; other cells as they were.
    expect(cells(p.table.columns[3])).toEqual(["'=1+1", "'@SUM", 'hello', "'-cmd|x"]);
  });

  it('round-trips numbers at full precision', async () => {
    const values = [Math.PI, -1 / 7, 1e-9, 1e8 / 3, 2 ** 53 + 2];
    const p = await parse(
      toCsv(
        ['id', 'value'],
        values.map((v, i) => [`r${i}`, v]),
      ),
    );
    expect(cells(p.table.columns[1])).toEqual(values);
  });
});
