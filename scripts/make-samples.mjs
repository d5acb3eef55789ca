#!/usr/bin/env node
// Builds the built-in samples in public/samples/ from the UCI source files.
//
//   node scripts/make-samples.mjs [DATASETS_DIR]      (npm run samples)
//
// DATASETS_DIR defaults to ../shared/datasets relative to the repository root. The outputs are checked
// into the repository: the app never reads the source folder at run time. Every output is parsed back and
// checked before the script reports success; any problem throws and the script exits non-zero.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..');
const datasetsDir = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(repoRoot, '..', 'shared', 'datasets');
const outDir = path.join(repoRoot, 'public', 'samples');

const ADULT_CITATION =
  'Becker, B. & Kohavi, R. (1996). Adult. UCI Machine Learning Repository. https://doi.org/10.24432/C5XW20';
const GERMAN_CITATION =
  'Hofmann, H. (1994). Statlog (German Credit Data). UCI Machine Learning Repository. https://doi.org/10.24432/C5NC77';

// ---------------------------------------------------------------------------------------------------------
// CSV helpers (RFC 4180: quote a field only when it needs it, double embedded quotes, LF line endings)

function csvField(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(fields) {
  return fields.map(csvField).join(',');
}

/** A small quote-aware CSV parser, used only to check what this script writes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        if (i < text.length && !/[,\r\n]/.test(text[i]))
          throw new Error(`stray character after quote at ${i}`);
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readLines(file) {
  const text = fs.readFileSync(path.join(datasetsDir, file), 'utf8');
  return text.split(/\r?\n/);
}

function assert(condition, message) {
  if (!condition) throw new Error(`make-samples: ${message}`);
}

function writeCsv(name, header, rows) {
  const text = [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n';
  fs.writeFileSync(path.join(outDir, name), text, 'utf8');
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// UCI Adult

const ADULT_HEADER = [
  'age',
  'workclass',
  'fnlwgt',
  'education',
  'education-num',
  'marital-status',
  'occupation',
  'relationship',
  'race',
  'sex',
  'capital-gain',
  'capital-loss',
  'hours-per-week',
  'native-country',
  'income',
];

function readAdult(file, { test }) {
  let lines = readLines(file);
  // The original adult.test starts with "|1x3 Cross validator"; some copies (like ours) drop it.
  if (lines[0].startsWith('|')) lines = lines.slice(1);
  const rows = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = line.split(',').map((v) => v.trim());
    assert(fields.length === ADULT_HEADER.length, `${file} line ${index + 1} has ${fields.length} fields`);
    if (test) fields[fields.length - 1] = fields[fields.length - 1].replace(/\.$/, '');
    rows.push(fields);
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// UCI Statlog German credit: codes decoded from german.names, in words without commas.

const GERMAN_COLUMNS = [
  {
    name: 'checking account',
    codes: {
      A11: '< 0 DM',
      A12: '0 to 200 DM',
      A13: '≥ 200 DM or salary assigned',
      A14: 'no checking account',
    },
  },
  { name: 'duration (months)' },
  {
    name: 'credit history',
    codes: {
      A30: 'no credits or all paid back duly',
      A31: 'all credits at this bank paid back duly',
      A32: 'existing credits paid back duly',
      A33: 'delay in paying off in the past',
      A34: 'critical account or credits elsewhere',
    },
  },
  {
    name: 'purpose',
    codes: {
      A40: 'car (new)',
      A41: 'car (used)',
      A42: 'furniture/equipment',
      A43: 'radio/television',
      A44: 'domestic appliances',
      A45: 'repairs',
      A46: 'education',
      A47: 'vacation',
      A48: 'retraining',
      A49: 'business',
      A410: 'others',
    },
  },
  { name: 'credit amount' },
  {
    name: 'savings',
    codes: {
      A61: '< 100 DM',
      A62: '100 to 500 DM',
      A63: '500 to 1000 DM',
      A64: '≥ 1000 DM',
      A65: 'unknown or no savings account',
    },
  },
  {
    name: 'employed since',
    codes: {
      A71: 'unemployed',
      A72: '< 1 year',
      A73: '1 to 4 years',
      A74: '4 to 7 years',
      A75: '≥ 7 years',
    },
  },
  { name: 'installment rate (% of income)' },
  {
    // Attribute 9 mixes sex and marital status; the marital part goes here, sex into its own column.
    name: 'personal status',
    codes: {
      A91: 'divorced/separated',
      A92: 'divorced/separated/married',
      A93: 'single',
      A94: 'married/widowed',
      A95: 'single',
    },
  },
  { name: 'other debtors', codes: { A101: 'none', A102: 'co-applicant', A103: 'guarantor' } },
  { name: 'residence since (years)' },
  {
    name: 'property',
    codes: {
      A121: 'real estate',
      A122: 'building society savings or life insurance',
      A123: 'car or other',
      A124: 'unknown or no property',
    },
  },
  { name: 'age' },
  { name: 'other installment plans', codes: { A141: 'bank', A142: 'stores', A143: 'none' } },
  { name: 'housing', codes: { A151: 'rent', A152: 'own', A153: 'for free' } },
  { name: 'existing credits' },
  {
    name: 'job',
    codes: {
      A171: 'unemployed or unskilled non-resident',
      A172: 'unskilled resident',
      A173: 'skilled employee or official',
      A174: 'management or highly qualified',
    },
  },
  { name: 'people liable' },
  { name: 'telephone', codes: { A191: 'none', A192: 'yes (registered)' } },
  { name: 'foreign worker', codes: { A201: 'yes', A202: 'no' } },
];
const GERMAN_SEX = { A91: 'male', A92: 'female', A93: 'male', A94: 'male', A95: 'female' };
const GERMAN_TARGET = { 1: 'good', 2: 'bad' };
const GERMAN_HEADER = [...GERMAN_COLUMNS.map((c) => c.name), 'sex', 'credit risk'];

function readGerman(file) {
  const rows = [];
  readLines(file).forEach((line, index) => {
    if (line.trim() === '') return;
    // The UCI original (german.data) is space-separated; the copy here is comma-separated. Accept both.
    const codes = line.trim().split(/[,\s]+/);
    const where = `${file} line ${index + 1}`;
    assert(codes.length === GERMAN_COLUMNS.length + 1, `${where} has ${codes.length} fields`);
    const row = GERMAN_COLUMNS.map((column, i) => {
      const code = codes[i];
      if (!column.codes) {
        assert(/^\d+$/.test(code), `${where}: '${code}' in '${column.name}' is not a number`);
        return code;
      }
      assert(code in column.codes, `${where}: unknown code '${code}' in '${column.name}'`);
      return column.codes[code];
    });
    const status = codes[8];
    const target = codes[GERMAN_COLUMNS.length];
    assert(target in GERMAN_TARGET, `${where}: unknown class '${target}'`);
    row.push(GERMAN_SEX[status], GERMAN_TARGET[target]);
    rows.push(row);
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Checks on what was written

function check(name, text, { header, rows: expectedRows }) {
  const parsed = parseCsv(text);
  const [head, ...body] = parsed;
  assert(head.join('|') === header.join('|'), `${name}: header differs when read back`);
  assert(body.length === expectedRows, `${name}: ${body.length} rows read back, expected ${expectedRows}`);
  body.forEach((row, i) => {
    assert(row.length === header.length, `${name} row ${i + 1}: ${row.length} fields`);
    row.forEach((v) => assert(v === v.trim(), `${name} row ${i + 1}: value '${v}' has surrounding spaces`));
  });
  return body;
}

function countValues(rows, column) {
  const counts = new Map();
  for (const row of rows) counts.set(row[column], (counts.get(row[column]) ?? 0) + 1);
  return counts;
}

// ---------------------------------------------------------------------------------------------------------

fs.mkdirSync(outDir, { recursive: true });
console.log(`reading ${datasetsDir}`);

const adultTrain = readAdult('adult-train.csv', { test: false });
const adultTest = readAdult('adult-test.csv', { test: true });
const german = readGerman('german.csv');

const written = {
  'adult.csv': writeCsv('adult.csv', ADULT_HEADER, adultTrain),
  'adult-test.csv': writeCsv('adult-test.csv', ADULT_HEADER, adultTest),
  'german-credit.csv': writeCsv('german-credit.csv', GERMAN_HEADER, german),
};

const ADULT_DESCRIPTION =
  'Records from the 1994 US census: predict whether a person earns more than $50K a year. ' +
  'Column names were added from the documentation and extra spaces trimmed; missing answers are shown as ?.';
const GERMAN_DESCRIPTION =
  'Loan applicants at a German bank, each rated as a good or bad credit risk. ' +
  'Column names were added, the original codes decoded into words, and a sex column derived from personal status. ' +
  'Note: "personal status" still reveals sex (every woman is "divorced/separated/married"), ' +
  'so leaving sex out does not hide it from a model.';

const manifest = [
  {
    id: 'adult',
    label: 'Adult income',
    file: 'adult.csv',
    testFile: 'adult-test.csv',
    rows: adultTrain.length,
    testRows: adultTest.length,
    description: ADULT_DESCRIPTION,
    target: 'income',
    positiveClass: '>50K',
    sensitive: ['sex', 'race'],
    source: ADULT_CITATION,
    licence: 'CC BY 4.0',
  },
  {
    id: 'german',
    label: 'German credit',
    file: 'german-credit.csv',
    rows: german.length,
    description: GERMAN_DESCRIPTION,
    target: 'credit risk',
    positiveClass: 'good',
    sensitive: ['sex', 'age'],
    source: GERMAN_CITATION,
    licence: 'CC BY 4.0',
  },
];
fs.writeFileSync(path.join(outDir, 'samples.json'), JSON.stringify(manifest, null, 2) + '\n', 'utf8');

const readme = `# Built-in samples

Generated by \`scripts/make-samples.mjs\` from the UCI source files in \`../shared/datasets\`. Do not edit by
hand: change the script and regenerate with

\`\`\`sh
npm run samples              # or: node scripts/make-samples.mjs [DATASETS_DIR]
\`\`\`

\`samples.json\` is the manifest the app reads (file, target, positive class, suggested sensitive attributes,
description, source and licence of each sample).

## adult.csv, adult-test.csv: Adult income

${ADULT_CITATION}. Licence: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).

The official train/test split: \`adult.csv\` is the training set (${adultTrain.length.toLocaleString('en')} rows),
\`adult-test.csv\` the test set (${adultTest.length.toLocaleString('en')} rows). Changes from the source:

- a header row added with the column names from \`adult.names\`:
  \`${ADULT_HEADER.join(',')}\`;
- the leading space removed from every value;
- in the test set, the trailing \`.\` removed from the labels (\`>50K.\` → \`>50K\`, \`<=50K.\` → \`<=50K\`), so
  both files use the same two classes;
- blank lines removed; missing values are left as \`?\`, the source's own convention (the app reads \`?\`
  as missing).

Target \`income\` (positive class \`>50K\`); suggested sensitive attributes \`sex\` and \`race\` (\`age\` is
another common choice).

## german-credit.csv: German credit

${GERMAN_CITATION}. Licence: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).

${german.length.toLocaleString('en')} rows. Changes from the source (\`german.data\`):

- a header row added with readable names:
  \`${GERMAN_HEADER.join(',')}\`;
- every coded value (\`A11\`, \`A43\`, …) decoded into short words following \`german.names\`
  (e.g. \`A11\` → \`< 0 DM\`, \`A43\` → \`radio/television\`), worded without commas so no field needs quoting;
- attribute 9 ("personal status and sex") split in two: \`personal status\` keeps the marital part
  (\`divorced/separated\`, \`divorced/separated/married\`, \`single\`, \`married/widowed\`) and a derived
  \`sex\` column (\`male\`/\`female\`; A92 and A95 are female) is added just before the target. A95 ("female :
  single") never occurs in the data, so every woman is \`divorced/separated/married\` and every man has one
  of the other three values: \`personal status\` is a perfect proxy for \`sex\`;
- the target \`credit risk\` decoded from 1/2 to \`good\`/\`bad\`.

Numeric columns (duration, credit amount, installment rate, residence, age, existing credits, people liable)
are unchanged. Target \`credit risk\` (positive class \`good\`); suggested sensitive attributes \`sex\` and
\`age\`. The source's cost matrix (classing a bad risk as good costs 5, the reverse 1) is not encoded in the file.
`;
fs.writeFileSync(path.join(outDir, 'README.md'), readme, 'utf8');

// ---------------------------------------------------------------------------------------------------------
// Verify

const adultRows = check('adult.csv', written['adult.csv'], { header: ADULT_HEADER, rows: 32561 });
const adultTestRows = check('adult-test.csv', written['adult-test.csv'], {
  header: ADULT_HEADER,
  rows: 16281,
});
const germanRows = check('german-credit.csv', written['german-credit.csv'], {
  header: GERMAN_HEADER,
  rows: 1000,
});

for (const [name, rows] of [
  ['adult.csv', adultRows],
  ['adult-test.csv', adultTestRows],
]) {
  const labels = [...countValues(rows, ADULT_HEADER.length - 1).keys()].sort();
  assert(labels.join('|') === '<=50K|>50K', `${name}: labels are ${labels.join(', ')}`);
  const missing = rows.reduce((n, row) => n + row.filter((v) => v === '?').length, 0);
  assert(missing > 0, `${name}: no '?' left`);
  console.log(`${name}: ${rows.length} rows x ${ADULT_HEADER.length} columns, ${missing} '?' values`);
}
for (const row of germanRows) {
  for (const v of row) assert(!/\bA\d+\b/.test(v), `german-credit.csv: undecoded value '${v}'`);
}
const sexCounts = countValues(germanRows, GERMAN_HEADER.indexOf('sex'));
const riskCounts = countValues(germanRows, GERMAN_HEADER.indexOf('credit risk'));
console.log(
  `german-credit.csv: ${germanRows.length} rows x ${GERMAN_HEADER.length} columns, ` +
    `sex ${JSON.stringify(Object.fromEntries(sexCounts))}, risk ${JSON.stringify(Object.fromEntries(riskCounts))}`,
);
const reread = JSON.parse(fs.readFileSync(path.join(outDir, 'samples.json'), 'utf8'));
for (const sample of reread) {
  const header = parseCsv(fs.readFileSync(path.join(outDir, sample.file), 'utf8').split('\n', 1)[0])[0];
  assert(header.includes(sample.target), `samples.json: ${sample.id} target missing`);
  for (const s of sample.sensitive) assert(header.includes(s), `samples.json: ${sample.id} lacks ${s}`);
}
for (const name of [...Object.keys(written), 'samples.json', 'README.md']) {
  console.log(`  ${name.padEnd(18)} ${fs.statSync(path.join(outDir, name)).size.toLocaleString('en')} bytes`);
}
console.log(`wrote ${outDir}`);
