import { describe, expect, it } from 'vitest';
import {
  detach,
  detectDecimalComma,
  detectDelimiter,
  detectHeader,
  isMissingMarker,
  parseNumber,
  readSepLine,
  sampleRows,
  sniff,
  uniqueNames,
} from './sniff';

const rows = (text: string, delimiter = ',') => sampleRows(text, delimiter);

describe('detectDelimiter', () => {
  it('detects commas, semicolons, tabs and pipes', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n4\t5\t6')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n4|5|6')).toBe('|');
  });

  it('picks the semicolon in a European file whose decimals use commas', () => {
    expect(detectDelimiter('name;height\nAnna;1,65\nBob;1,80')).toBe(';');
  });

  it('falls back to a comma for a file with a single column', () => {
    expect(detectDelimiter('name\nAnna\nBob\n')).toBe(',');
  });

  it('prefers the tab when tabs and commas explain the rows equally well', () => {
    expect(detectDelimiter('a,x\tb\n1,y\t2\n3,z\t4')).toBe('\t');
  });

  it('ignores delimiters inside quoted fields, even across line breaks', () => {
    const text = 'id;note\n1;"a, b, c"\n2;"one,\ntwo, three"\n3;plain';
    expect(detectDelimiter(text)).toBe(';');
  });
});

describe('readSepLine', () => {
  it('reads the delimiter from a leading sep= line and says where the data starts', () => {
    expect(readSepLine('sep=;\na;b\n1;2')).toEqual({ delimiter: ';', dataStart: 6 });
    expect(readSepLine('SEP=|\r\na|b')).toEqual({ delimiter: '|', dataStart: 7 });
  });

  it('finds nothing when the file does not start with sep=', () => {
    expect(readSepLine('a,b\nsep=;\n')).toBeNull();
    expect(readSepLine('sep=x\na')).toBeNull();
  });
});

describe('sampleRows', () => {
  it('splits rows honouring quotes, escaped quotes and embedded line breaks', () => {
    expect(rows('a,b\n"x, ""y""","line\nbreak"\r\n3,4')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
      ['3', '4'],
    ]);
  });

  it('leaves out blank lines', () => {
    expect(rows('a,b\n\n  \n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('stops at the requested number of lines', () => {
    expect(sampleRows('1\n2\n3\n4', ',', 2)).toEqual([['1'], ['2']]);
  });
});

describe('detectDecimalComma', () => {
  it('is true when a semicolon file writes decimals with commas', () => {
    expect(detectDecimalComma(rows('h;w\n1,65;-3,5\n1.234,5;2', ';'), ';')).toBe(true);
  });

  it('is false when decimals use points', () => {
    expect(detectDecimalComma(rows('h;w\n1.65;3.5\n1.8;2', ';'), ';')).toBe(false);
  });

  it('is always false in a comma-separated file', () => {
    expect(detectDecimalComma([['1,5']], ',')).toBe(false);
  });
});

describe('parseNumber', () => {
  it('accepts plain decimal numbers', () => {
    const cells = ['-1.5', '1e3', '+2', '.5', '0', '0.25', '-0.5', '1234567890123456', '3.', '2E-3'];
    expect(cells.map((c) => parseNumber(c, false))).toEqual([
      -1.5, 1000, 2, 0.5, 0, 0.25, -0.5, 1234567890123456, 3, 0.002,
    ]);
  });

  it('reads numbers exactly as Number() does', () => {
    for (const c of ['37.31', '0.1', '123456789.123456', '999999999999999', '0.000001']) {
      expect(parseNumber(c, false)).toBe(Number(c));
    }
  });

  it('rejects hex, infinity, empty, words and leading-zero codes', () => {
    for (const c of [
      '0x10',
      'Infinity',
      '-Infinity',
      '',
      '1e999',
      'abc',
      '12abc',
      '01234',
      '007',
      '1,5',
      '.',
      '-',
    ]) {
      expect(parseNumber(c, false)).toBeNaN();
    }
  });

  it('reads decimal commas only when asked to', () => {
    expect(parseNumber('1,5', true)).toBe(1.5);
    expect(parseNumber('-3,5', true)).toBe(-3.5);
    expect(parseNumber('1.234,5', true)).toBe(1234.5);
    expect(parseNumber('0,25', true)).toBe(0.25);
    expect(parseNumber('1,2,3', true)).toBeNaN();
  });
});

describe('isMissingMarker', () => {
  it('recognises empty, NA, N/A, ?, null and NaN in any case', () => {
    for (const c of ['', 'NA', 'na', 'N/A', 'n/a', '?', 'null', 'NULL', 'NaN', 'nan']) {
      expect(isMissingMarker(c)).toBe(true);
    }
  });

  it('does not treat ordinary values as missing', () => {
    for (const c of ['0', 'no', 'None', 'N', 'nab', '??', 'Nana']) expect(isMissingMarker(c)).toBe(false);
  });
});

describe('detectHeader', () => {
  it('sees no header in UCI Adult rows', () => {
    const adult = rows(
      '39, State-gov, 77516, Bachelors, 13, Never-married, Adm-clerical, Not-in-family, White, Male, 2174, 0, 40, United-States, <=50K\n' +
        '50, Self-emp-not-inc, 83311, Bachelors, 13, Married-civ-spouse, Exec-managerial, Husband, White, Male, 0, 0, 13, United-States, <=50K\n' +
        '38, Private, 215646, HS-grad, 9, Divorced, Handlers-cleaners, Not-in-family, White, Male, 0, 0, 40, United-States, <=50K\n',
    );
    expect(detectHeader(adult)).toBe(false);
  });

  it('sees no header in German credit rows', () => {
    const german = rows(
      'A11,6,A34,A43,1169,A65,A75,4,A93,A101,4,A121,67,A143,A152,2,A173,1,A192,A201,1\n' +
        'A12,48,A32,A43,5951,A61,A73,2,A92,A101,2,A121,22,A143,A152,1,A173,1,A191,A201,2\n' +
        'A14,12,A34,A46,2096,A61,A74,2,A93,A101,3,A121,49,A143,A152,1,A172,2,A191,A201,1\n',
    );
    expect(detectHeader(german)).toBe(false);
  });

  it('sees a header above data of another type', () => {
    expect(detectHeader(rows('name,age,city\nAnna,34,Oslo\nBob,51,Rome'))).toBe(true);
  });

  it('sees no header in an all-text file whose first values re-appear below', () => {
    expect(detectHeader(rows('red,small\nblue,large\nred,large\ngreen,small'))).toBe(false);
  });

  it('sees no header when the first row holds numbers in numeric columns', () => {
    expect(detectHeader(rows('1.5,2,x\n3.1,4,y\n2.2,8,z'))).toBe(false);
  });

  it('sees a header of consecutive years above numbers', () => {
    expect(detectHeader(rows('country,2019,2020,2021\nNorway,1,2,3\nItaly,4,5,6'))).toBe(true);
  });

  it('keeps a header with duplicate or empty names', () => {
    expect(detectHeader(rows(',x,x\n1,2,3\n4,5,6'))).toBe(true);
  });

  it('assumes a header when the rows give no evidence either way', () => {
    expect(detectHeader(rows('alpha,beta\ngamma,delta\nepsilon,zeta'))).toBe(true);
    expect(detectHeader([['only', 'row']])).toBe(true);
  });
});

describe('sniff', () => {
  it('reports a sep= line, its offset, and the line it takes', () => {
    const s = sniff('sep=;\nname;height\nAnna;1,65\nBob;1,80');
    expect(s).toMatchObject({ delimiter: ';', delimiterSource: 'sep-line', dataStart: 6, linesBefore: 1 });
    expect(s.decimalComma).toBe(true);
    expect(s.hasHeader).toBe(true);
  });

  it('lets forced options win over detection', () => {
    const s = sniff('a;b\n1;2', { delimiter: ',', hasHeader: false });
    expect(s).toMatchObject({
      delimiter: ',',
      delimiterSource: 'option',
      hasHeader: false,
      headerSource: 'option',
    });
  });

  it('uses a carriage return as line break only in files without line feeds', () => {
    expect(sniff('a,b\r\n1,2\r\n').newline).toBe('\n');
    expect(sniff('a,b\r1,2\r').newline).toBe('\r');
  });
});

describe('uniqueNames', () => {
  it('trims names, names empty ones by position and numbers repeats', () => {
    expect(uniqueNames([' a ', '', 'a', 'b', 'a'])).toEqual({
      names: ['a', 'Column 2', 'a (2)', 'b', 'a (3)'],
      duplicateNames: [{ name: 'a', renamedTo: ['a (2)', 'a (3)'] }],
      unnamedColumns: 1,
    });
  });

  it('avoids a generated name that the header already uses', () => {
    expect(uniqueNames(['x', 'x', 'x (2)']).names).toEqual(['x', 'x (3)', 'x (2)']);
  });
});

describe('detach', () => {
  it('returns an equal string', () => {
    const long = 'a fairly long cell value';
    expect(detach(long)).toBe(long);
    expect(detach('short')).toBe('short');
  });
});
