#!/usr/bin/env node
// Writes the small files the browser tests upload into e2e/fixtures/.
//
//   node scripts/make-fixtures.mjs [DATASETS_DIR]
//
// Everything is hand-made here except headerless.csv, the first 300 rows of UCI Adult's training set taken
// byte for byte from DATASETS_DIR (default ../shared/datasets relative to the repository root). Each file is
// checked after writing; any problem throws and the script exits non-zero.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..');
const datasetsDir = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(repoRoot, '..', 'shared', 'datasets');
const outDir = path.join(repoRoot, 'e2e', 'fixtures');

function assert(condition, message) {
  if (!condition) throw new Error(`make-fixtures: ${message}`);
}

const written = [];
function write(name, content) {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  fs.writeFileSync(path.join(outDir, name), bytes);
  written.push([name, bytes.length]);
  return bytes;
}

const lines = (rows, eol = '\n') => rows.map((r) => r + eol).join('');

fs.mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------------------------------------
// semicolon-decimal.csv: European export, ';' as separator and ',' as decimal mark, no sep= line.

write(
  'semicolon-decimal.csv',
  lines([
    'name;height (m);weight (kg);city;smoker',
    'Anna;1,65;60,5;Lyon;no',
    'Bruno;1,82;84,2;Lille;yes',
    'Chiara;1,70;58,0;Torino;no',
    'Dieter;1,78;91,3;Köln;no',
    'Elena;1,59;52,7;Sevilla;yes',
    'Fabien;1,75;77,1;Nantes;no',
    'Greta;1,68;63,4;Graz;no',
    'Hugo;1,88;95,6;Gent;yes',
    'Inès;1,61;55,9;Lyon;no',
    'Jan;1,80;79,0;Brno;no',
    'Katja;1,72;66,8;Köln;yes',
    'Luca;1,77;73,5;Torino;no',
  ]),
);

// ---------------------------------------------------------------------------------------------------------
// sep-line.csv: Excel's 'sep=;' hint on the first line, then a semicolon file.

write(
  'sep-line.csv',
  lines([
    'sep=;',
    'product;price;quantity;category',
    'pencil;0,80;120;office',
    'notebook;2,50;45;office',
    'backpack;24,90;8;school',
    'ruler;1,20;60;school',
    'stapler;6,75;15;office',
    'calculator;12,30;22;school',
  ]),
);

// ---------------------------------------------------------------------------------------------------------
// bom-crlf.csv: UTF-8 BOM, CRLF row endings, RFC 4180 quoting (embedded newline, comma, escaped quote), and
// non-ASCII text. The newline inside a quoted field is a lone LF, as Excel writes it.

const bomRows = [
  'id,comment,score,group',
  '1,Plain comment,7.5,A',
  '2,"First line\nsecond line, after a comma",6,B',
  '3,"She said ""great"" twice",8,A',
  '4,张伟的评论,9,B',
  '5,Café crème à Genève,5.5,A',
  '6,"Zoë, naïve résumé",7,B',
  '7,,6.5,A',
  '8,"王芳 wrote ""你好""\nand left",8.5,B',
];
write('bom-crlf.csv', '\uFEFF' + lines(bomRows, '\r\n'));

// ---------------------------------------------------------------------------------------------------------
// duplicate-headers.csv: two columns called 'score' and a last column with an empty name.

write(
  'duplicate-headers.csv',
  lines([
    'name,score,score,group,',
    'Ada,12,14,A,x',
    'Ben,15,13,B,',
    'Cleo,9,11,A,y',
    'Dan,18,17,B,',
    'Eve,11,10,A,x',
    'Finn,14,16,B,',
    'Gia,16,15,A,y',
    'Hal,10,12,B,',
  ]),
);

// ---------------------------------------------------------------------------------------------------------
// ragged.csv: 4 columns; rows 5 and 12 are short, row 17 is long; blank lines after rows 7 and 14; missing
// markers NA, N/A, ?, null, NaN and empty fields.

write(
  'ragged.csv',
  lines([
    'id,age,city,score',
    '1,34,Paris,0.71',
    '2,NA,Berlin,0.64',
    '3,45,Madrid,N/A',
    '4,29,?,0.58',
    '5,51,Rome',
    '6,38,null,0.77',
    '7,NaN,Vienna,0.69',
    '',
    '8,42,,0.81',
    '9,,Lisbon,0.55',
    '10,27,Prague,0.62',
    '11,63,Oslo,?',
    '12,35',
    '13,47,Dublin,NA',
    '14,31,Athens,0.74',
    '',
    '15,56,Warsaw,0.66',
    '16,24,Helsinki,null',
    '17,39,Brussels,0.59,extra',
    '18,44,Budapest,0.72',
    '19,N/A,Zagreb,0.68',
    '20,33,Riga,NaN',
  ]),
);

// ---------------------------------------------------------------------------------------------------------
// latin1.csv: Latin-1 (ISO 8859-1, also valid Windows-1252) bytes, which are not valid UTF-8.

const latin1Text = lines([
  'name,city,income',
  'José,Málaga,32000',
  'Jürgen,Zürich,58000',
  'François,Besançon,41000',
  'Søren,Ærø,39000',
  'Ñuño,A Coruña,27000',
  'Åsa,Göteborg,45000',
  'Chloé,Orléans,36000',
  'Björn,Malmö,44000',
]);
assert(
  [...latin1Text].every((c) => c.charCodeAt(0) <= 0xff),
  'latin1.csv has a character outside Latin-1',
);
const latin1 = write('latin1.csv', Buffer.from(latin1Text, 'latin1'));
let validUtf8 = true;
try {
  new TextDecoder('utf-8', { fatal: true }).decode(latin1);
} catch {
  validUtf8 = false;
}
assert(!validUtf8, 'latin1.csv decodes as UTF-8');
assert(new TextDecoder('windows-1252').decode(latin1) === latin1Text, 'latin1.csv does not round-trip');

// ---------------------------------------------------------------------------------------------------------
// headerless.csv: the first 300 rows of UCI Adult's training set as they are (no header, leading spaces).

const adult = fs.readFileSync(path.join(datasetsDir, 'adult-train.csv'), 'utf8').split('\n').slice(0, 300);
assert(adult.length === 300 && adult.every((l) => l.split(',').length === 15), 'adult-train.csv looks wrong');
write('headerless.csv', lines(adult));

// adult-test-2000.csv: the built-in sample's official test file cut to its header and first 2,000 rows, a
// second, different test file for the Train step (public/samples/ is made by scripts/make-samples.mjs).
const sampleTest = fs
  .readFileSync(path.join(repoRoot, 'public', 'samples', 'adult-test.csv'), 'utf8')
  .split('\n');
write('adult-test-2000.csv', `${sampleTest.slice(0, 2001).join('\n')}\n`);

// ---------------------------------------------------------------------------------------------------------
// Degenerate inputs

write('empty.csv', '');
write('header-only.csv', 'a,b,c\n');
write('one-column.csv', 'value\n1\n2\n3\n');
write('data.json', '[{"a":1,"b":2}]\n');
write(
  'one-class.csv',
  lines([
    'age,income,approved',
    '23,21000,yes',
    '35,38000,yes',
    '41,52000,yes',
    '29,27000,yes',
    '52,61000,yes',
    '46,45000,yes',
    '31,33000,yes',
    '38,40000,yes',
    '57,58000,yes',
    '26,24000,yes',
  ]),
);

// binary.csv: a valid 1x1 PNG (one opaque teal pixel), built chunk by chunk with real CRCs.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(1, 0); // width
ihdr.writeUInt32BE(1, 4); // height
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type RGBA
// compression, filter and interlace methods stay 0
const scanline = Buffer.from([0, 0x00, 0x80, 0x80, 0xff]); // filter byte 0, then R G B A
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', ihdr),
  pngChunk('IDAT', zlib.deflateSync(scanline)),
  pngChunk('IEND', Buffer.alloc(0)),
]);
assert(crc32(Buffer.from('IEND')) === 0xae426082, 'CRC-32 is wrong');
assert(zlib.inflateSync(png.subarray(8 + 25 + 8, png.length - 12 - 4)).equals(scanline), 'IDAT is wrong');
write('binary.csv', png);

// ---------------------------------------------------------------------------------------------------------
// README

write(
  'README.md',
  `# Test fixtures

Small files the browser tests upload. Generated by \`scripts/make-fixtures.mjs\` (re-run it to recreate them;
do not edit by hand). All are hand-made for these tests, except \`headerless.csv\` and \`adult-test-2000.csv\`,
excerpts of UCI Adult.

| file | what it exercises |
| --- | --- |
| \`semicolon-decimal.csv\` | \`;\` separator with decimal commas (\`1,65\`) and no \`sep=\` line; header \`name;height (m);weight (kg);city;smoker\`, 12 rows, one non-ASCII city (Köln). |
| \`sep-line.csv\` | Excel's \`sep=;\` hint as the first line, then a \`;\` header \`product;price;quantity;category\` and 6 rows (prices with decimal commas). |
| \`bom-crlf.csv\` | UTF-8 byte-order mark and CRLF row endings; header \`id,comment,score,group\`, 8 rows. Row 2's comment is quoted and holds a newline (a lone LF, as Excel writes it) and a comma; row 3 holds escaped quotes (\`""\`); row 8 has both, with Chinese text; rows 4–6 have Chinese (张伟) and accented text (é, ë, ï); row 7's comment is empty. |
| \`duplicate-headers.csv\` | header \`name,score,score,group,\`: a duplicated name and an empty last name; 8 rows of 5 fields, the unnamed column half empty. |
| \`ragged.csv\` | header \`id,age,city,score\`, 20 data rows: row 5 has 3 fields and row 12 has 2 (short), row 17 has 5 (long); a blank line after rows 7 and 14; missing markers \`NA\`, \`N/A\`, \`?\`, \`null\`, \`NaN\` and empty fields. |
| \`latin1.csv\` | Latin-1 / Windows-1252 bytes (not valid UTF-8): header \`name,city,income\`, 8 rows with José, Zürich, François, Ærø, A Coruña… |
| \`headerless.csv\` | the first 300 rows of UCI Adult's training set exactly as distributed: no header row, a space after every comma, \`?\` for missing values. |
| \`adult-test-2000.csv\` | the header and first 2,000 rows of the built-in sample \`public/samples/adult-test.csv\` (UCI Adult's official test set, decoded): a second test file for the Train step. |
| \`empty.csv\` | 0 bytes. |
| \`header-only.csv\` | \`a,b,c\` and no data rows. |
| \`one-column.csv\` | a single column \`value\` with 3 rows. |
| \`binary.csv\` | not text: a valid 1×1 PNG image given a \`.csv\` name. |
| \`data.json\` | JSON (\`[{"a":1,"b":2}]\`), not CSV. |
| \`one-class.csv\` | columns \`age,income,approved\`, 10 rows; the target \`approved\` is always \`yes\`. |

## Source of headerless.csv

Becker, B. & Kohavi, R. (1996). Adult. UCI Machine Learning Repository. https://doi.org/10.24432/C5XW20.
Licence: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/). Unchanged excerpt (first 300 lines of
\`adult.data\`).
`,
);

for (const [name, size] of written) console.log(`  ${name.padEnd(24)} ${String(size).padStart(6)} bytes`);
console.log(`wrote ${outDir}`);
