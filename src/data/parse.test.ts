import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';
import { cells, encode, generated, names, parse } from './parseTestHelpers';
describe('parseCsv: delimiters and layout', () => {
  it.each([
    [',', 'name,age\nAnna,34\nBob,51\n'],
    [';', 'name;age\nAnna;34\nBob;51\n'],
    ['\t', 'name\tage\nAnna\t34\nBob\t51\n'],
    ['|', 'name|age\nAnna|34\nBob|51\n'],
  ])('reads a file separated by %j', async (delimiter, text) => {
    const p = await parse(text);
    expect(p.report.delimiter).toBe(delimiter);
    expect(names(p)).toEqual(['name', 'age']);
    expect(cells(p.table.columns[0])).toEqual(['Anna', 'Bob']);
    expect(cells(p.table.columns[1])).toEqual([34, 51]);
  });

  it('takes the delimiter from a sep= line and drops that line', async () => {
    const p = await parse('sep=;\nname;age\nAnna;34\nBob;51');
    expect(p.report).toMatchObject({ delimiter: ';', delimiterSource: 'sep-line', rowCount: 2 });
    expect(names(p)).toEqual(['name', 'age']);
  });

  it('reads a file with a byte order mark and Windows line endings', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('id,city\r\n1,Oslo\r\n2,Rome\r\n')]);
    const p = await parse(bytes);
    expect(p.report.hadBom).toBe(true);
    expect(names(p)).toEqual(['id', 'city']);
    expect(cells(p.table.columns[1])).toEqual(['Oslo', 'Rome']);
  });

  it('reads quoted values at the end of Windows lines', async () => {
    const p = await parse('a,b\r\n1,"x"\r\n2,"y, z"\r\n');
    expect(cells(p.table.columns[1])).toEqual(['x', 'y, z']);
    expect(p.report.malformedRows).toBe(0);
  });

  it('reads old Mac files that end lines with a carriage return only', async () => {
    const p = await parse('a,b\r1,x\r2,y\r');
    expect(p.table.rowCount).toBe(2);
    expect(cells(p.table.columns[1])).toEqual(['x', 'y']);
  });

  it('keeps quoted delimiters, line breaks and doubled quotes inside a value', async () => {
    const p = await parse('id,note\n1,"a, b"\n2,"two\r\nlines"\n3,"say ""hi"""\n');
    expect(cells(p.table.columns[1])).toEqual(['a, b', 'two\r\nlines', 'say "hi"']);
  });

  it('trims whitespace around values and names', async () => {
    const p = await parse(' name , age \n  Anna ,  34\nBob,51  \n');
    expect(names(p)).toEqual(['name', 'age']);
    expect(cells(p.table.columns[0])).toEqual(['Anna', 'Bob']);
    expect(cells(p.table.columns[1])).toEqual([34, 51]);
  });

  it('skips blank lines, whitespace-only lines and lines of bare delimiters', async () => {
    const p = await parse('a,b\n\n1,2\n   \n,\n3,4\n\n');
    expect(p.table.rowCount).toBe(2);
    expect(cells(p.table.columns[0])).toEqual([1, 3]);
  });

  it('reads decimal commas in a semicolon-separated file', async () => {
    const p = await parse('name;height\nAnna;1,65\nBob;1,80\nCleo;-0,5\n');
    expect(p.report.decimalComma).toBe(true);
    expect(cells(p.table.columns[1])).toEqual([1.65, 1.8, -0.5]);
  });

  it('reads Latin-1 bytes as Windows-1252 and reports the fallback', async () => {
    const bytes = new Uint8Array([...encode('drink,n\n'), 0x63, 0x61, 0x66, 0xe9, ...encode(',1\ntea,2\n')]);
    const p = await parse(bytes);
    expect(p.report).toMatchObject({ encoding: 'windows-1252', encodingFallback: true });
    expect(cells(p.table.columns[0])).toEqual(['café', 'tea']);
  });

  it('uses forced delimiter and header options and reports them as options', async () => {
    const p = await parse('1;2\n3;4\n', { delimiter: ';', hasHeader: false });
    expect(p.report).toMatchObject({ delimiterSource: 'option', headerSource: 'option', hasHeader: false });
    expect(names(p)).toEqual(['Column 1', 'Column 2']);
    expect(p.table.rowCount).toBe(2);
  });
});

describe('parseCsv: encodings', () => {
  it('reads the whole file again as Windows-1252 when a non-UTF-8 byte comes late', async () => {
    const head = encode('name,n\n' + 'tea,1\n'.repeat(20_000));
    const bytes = new Uint8Array([...head, 0x63, 0x61, 0x66, 0xe9, ...encode(',2\n')]);
    const p = await parse(bytes);
    expect(p.report).toMatchObject({ encoding: 'windows-1252', encodingFallback: true, rowCount: 20_001 });
    expect(cells(p.table.columns[0])[20_000]).toBe('café');
  });

  it('keeps characters whole across the pieces of a large UTF-8 file', async () => {
    const p = await parse('word,n\n' + 'crème brûlée,1\nnaïve 😀,2\n'.repeat(60_000));
    const words = p.table.columns[0];
    expect(words.storage === 'category' && words.dictionary).toEqual(['crème brûlée', 'naïve 😀']);
    expect(p.table.rowCount).toBe(120_000);
  });
});

/** A Blob that records the length of every slice read from it, and fails to read slices from `failFrom` on. */
class RecordingBlob extends Blob {
  readonly reads: number[] = [];
  failFrom = Infinity;

  override slice(start = 0, end = this.size): Blob {
    this.reads.push(end - start);
    const part = super.slice(start, end);
    if (start >= this.failFrom) {
      part.arrayBuffer = () => Promise.reject(new DOMException('file changed', 'NotReadableError'));
    }
    return part;
  }
}

describe('parseCsv: reading a file in slices', () => {
  /** The same table from the bytes and from a Blob of them, read in slices of `pieceBytes`. */
  async function bothWays(bytes: Uint8Array<ArrayBuffer>, pieceBytes?: number) {
    const fromBytes = await parseCsv(bytes, {}, { pieceBytes });
    const fromBlob = await parseCsv(new Blob([bytes]), {}, { pieceBytes });
    if (!fromBytes.ok || !fromBlob.ok) throw new Error('parse failed');
    expect(fromBlob.data).toEqual(fromBytes.data);
    return fromBlob.data;
  }

  it('gives the same table from a Blob as from its bytes', async () => {
    const p = await bothWays(encode(generated(20_000)));
    expect(p.table.rowCount).toBe(20_000);
    expect(p.report.bytes).toBe(encode(generated(20_000)).length);
  });

  it('decodes a character cut by a slice boundary at any byte', async () => {
    const text = 'word,n\n' + 'é,1\n张,2\n😀,3\n'.repeat(4);
    for (let pieceBytes = 3; pieceBytes <= 12; pieceBytes++) {
      const p = await bothWays(encode(text), pieceBytes);
      expect(cells(p.table.columns[0]).slice(0, 3)).toEqual(['é', '张', '😀']);
    }
  });

  it("decodes 'é' and '张' lying exactly across the first slice boundary", async () => {
    // 'word,n\n' is 7 bytes, so 'é' (2 bytes) takes bytes 7–8: a slice of 8 bytes ends inside it.
    const accent = await bothWays(encode('word,n\né,1\n'), 8);
    expect(cells(accent.table.columns[0])).toEqual(['é']);
    // '张' (3 bytes) takes bytes 12–14: slices of 13 and 14 bytes end after its first and second byte.
    for (const pieceBytes of [13, 14]) {
      const p = await bothWays(encode('word,n\nxy,1\n张,2\n'), pieceBytes);
      expect(cells(p.table.columns[0])).toEqual(['xy', '张']);
    }
  });

  it('falls back to Windows-1252 for an invalid byte several slices in, reading slices again', async () => {
    const head = encode('name,n\n' + 'tea,1\n'.repeat(20_000));
    const bytes = new Uint8Array([...head, 0x63, 0x61, 0x66, 0xe9, ...encode(',2\n')]);
    const blob = new RecordingBlob([bytes]);
    const r = await parseCsv(blob, {}, { pieceBytes: 1024 }); // read 4 pieces, 4 KB, at a time
    expect(r.ok && r.data.report).toMatchObject({ encoding: 'windows-1252', encodingFallback: true });
    expect(r.ok && cells(r.data.table.columns[0])[20_000]).toBe('café');
    // Each attempt reads the start (the whole file, as it is under 5 MB, for the JSON check) and then slices.
    expect(blob.reads.filter((n) => n > 4096)).toEqual([bytes.length, bytes.length]);
    expect(blob.reads.filter((n) => n <= 4096).length).toBeGreaterThan((2 * bytes.length) / 4096 - 2);
  });

  it('passes on the error of a slice that cannot be read rather than reporting a parse failure', async () => {
    const bytes = encode(generated(5000));
    const blob = new RecordingBlob([bytes]);
    blob.failFrom = 4096;
    await expect(parseCsv(blob, {}, { pieceBytes: 4096 })).rejects.toMatchObject({
      name: 'NotReadableError',
    });
  });
});

describe('parseCsv: missing values', () => {
  it('reads every missing marker as missing and counts each as written', async () => {
    const p = await parse('x,y\n1,a\n,b\nNA,c\nN/A,d\n?,e\nnull,f\nNaN,g\nna,h\n');
    expect(cells(p.table.columns[0])).toEqual([1, null, null, null, null, null, null, null]);
    expect(p.table.columns[0].storage).toBe('number');
    expect(p.report.missingMarkers).toEqual({ '': 1, NA: 1, 'N/A': 1, '?': 1, null: 1, NaN: 1, na: 1 });
  });

  it('marks missing values in a text column with code -1', async () => {
    const p = await parse('x,y\n1,a\n2,?\n3,b\n');
    const y = p.table.columns[1];
    expect(y.storage === 'category' && Array.from(y.codes)).toEqual([0, -1, 1]);
  });

  it('shows missing values as empty strings in the preview', async () => {
    const p = await parse('x,y\n1, NA \n2,b\n');
    expect(p.preview).toEqual([
      ['1', ''],
      ['2', 'b'],
    ]);
  });

  it('turns a column with no value at all into an empty category column', async () => {
    const p = await parse('x,y\n1,\n2,NA\n');
    expect(p.table.columns[1]).toEqual({
      storage: 'category',
      name: 'y',
      codes: new Int32Array([-1, -1]),
      dictionary: [],
    });
  });
});

describe('parseCsv: header names', () => {
  it('makes duplicate names unique and reports them', async () => {
    const p = await parse('a,b,a,a\n1,2,3,4\n');
    expect(names(p)).toEqual(['a', 'b', 'a (2)', 'a (3)']);
    expect(p.report.duplicateNames).toEqual([{ name: 'a', renamedTo: ['a (2)', 'a (3)'] }]);
  });

  it('names empty header cells by position and counts them', async () => {
    const p = await parse(',score,\n1,2,3\n4,5,6\n');
    expect(names(p)).toEqual(['Column 1', 'score', 'Column 3']);
    expect(p.report.unnamedColumns).toBe(2);
  });
});

describe('parseCsv: irregular rows', () => {
  it('pads short rows, drops extra fields, and reports the first line numbers', async () => {
    const p = await parse('a,b,c\n1,2,3\n4,5\n6,7,8,9\n\n10,11,12\n13\n');
    expect(p.report.raggedRows).toEqual({ short: 2, long: 1, firstLineNumbers: [3, 4, 7] });
    expect(cells(p.table.columns[2])).toEqual([3, null, 8, 12, null]);
    expect(p.table.rowCount).toBe(5);
  });

  it('numbers ragged rows by file line after multi-line values and a sep= line', async () => {
    const p = await parse('sep=,\na,b\n1,"x\ny"\n2\n3,z\n');
    expect(p.report.raggedRows.firstLineNumbers).toEqual([5]);
  });

  it('keeps at most five ragged line numbers', async () => {
    const p = await parse('a,b\n' + '1\n'.repeat(8));
    expect(p.report.raggedRows).toEqual({ short: 8, long: 0, firstLineNumbers: [2, 3, 4, 5, 6] });
  });

  it('counts an unclosed quote as a malformed row and keeps what it read', async () => {
    const p = await parse('a,b\n1,x\n2,"open\n3,y\n');
    expect(p.report.malformedRows).toBe(1);
    expect(p.table.rowCount).toBe(2);
  });
});

describe('parseCsv: types', () => {
  it('keeps codes with leading zeros as categories', async () => {
    const p = await parse('zip,n\n01234,1\n98765,2\n00501,3\n');
    const zip = p.table.columns[0];
    expect(zip.storage).toBe('category');
    expect(cells(zip)).toEqual(['01234', '98765', '00501']);
  });

  it('turns a column into categories when text follows numbers, keeping how numbers were written', async () => {
    const p = await parse('v,n\n1.50,1\n2,2\nabc,3\n1.50,4\n');
    expect(cells(p.table.columns[0])).toEqual(['1.50', '2', 'abc', '1.50']);
  });

  it('writes numbers back with String() after many distinct numbers and then text', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i}.0,${i}`);
    const p = await parse(`v,n\n${lines.join('\n')}\nword,1\n`);
    const v = p.table.columns[0];
    expect(v.storage).toBe('category');
    expect(cells(v).slice(0, 2)).toEqual(['0', '1']);
    expect(cells(v)[4999]).toBe('4999');
    expect(cells(v)[5000]).toBe('word');
  });

  it('infers column kinds', async () => {
    const p = await parse('id,flag,city\n1,yes,Oslo\n2,no,Rome\n3,yes,Oslo\n');
    expect(p.kinds).toEqual(['numeric', 'boolean', 'categorical']);
  });

  it('returns exactly sized column arrays', async () => {
    const p = await parse('a,b\n1,x\n2,y\n3,z\n');
    const [a, b] = p.table.columns;
    expect(a.storage === 'number' && a.values.length).toBe(3);
    expect(b.storage === 'category' && b.codes.length).toBe(3);
  });
});
