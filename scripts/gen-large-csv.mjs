#!/usr/bin/env node
// Writes the benchmark's large CSV: 12 columns, deterministic from a fixed seed, streamed to disk.
//
//   node scripts/gen-large-csv.mjs OUT.csv [rows=1000000]
//
// At 1,000,000 rows the file is about 100 MB. The same arguments always give the same bytes.
import fs from 'node:fs';
import path from 'node:path';

const SEED = 20240601;
const ROWS_PER_CHUNK = 5000;

const [outArg, rowsArg] = process.argv.slice(2);
if (!outArg || (rowsArg !== undefined && !/^\d+$/.test(rowsArg))) {
  console.error('usage: node scripts/gen-large-csv.mjs OUT.csv [rows=1000000]');
  process.exit(2);
}
const outFile = path.resolve(outArg);
const rows = rowsArg === undefined ? 1_000_000 : Number(rowsArg);

/** mulberry32: a small, fast 32-bit seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (values) => values[Math.floor(random() * values.length)];
/** Picks with the given weights (need not sum to 1). */
function weighted(values, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < values.length; i += 1) {
    r -= weights[i];
    if (r < 0) return values[i];
  }
  return values[values.length - 1];
}
/** Standard normal via Box-Muller. */
function normal() {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const SEXES = ['Female', 'Male'];
const RACES = ['White', 'Black', 'Asian-Pac-Islander', 'Amer-Indian-Eskimo', 'Other'];
const RACE_WEIGHTS = [0.78, 0.12, 0.05, 0.02, 0.03];
// prettier-ignore
const REGIONS = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];
// prettier-ignore
const OCCUPATIONS = [
  'Tech-support', 'Craft-repair', 'Other-service', 'Sales', 'Exec-managerial', 'Prof-specialty',
  'Handlers-cleaners', 'Machine-op-inspct', 'Adm-clerical', 'Farming-fishing', 'Transport-moving',
  'Priv-house-serv', 'Protective-serv', 'Armed-Forces', 'Teaching',
];
const OCCUPATION_PAY = [1.0, 0.95, 0.6, 0.9, 1.5, 1.4, 0.65, 0.75, 0.8, 0.6, 0.85, 0.5, 1.0, 0.9, 1.05];
// prettier-ignore
const NOTE_OPENERS = [
  'first application', 'returning customer', 'referred by branch', 'online request', 'phone enquiry',
  'documents complete', 'needs review', 'priority case', 'standard case', 'follow-up booked',
];
// prettier-ignore
const NOTE_DETAILS = [
  'income verified', 'late payment resolved', 'address changed', 'co-signer added', 'manager approved',
  'missing payslip', 'called twice', 'asked for extension',
];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;

const HEADER = 'id,age,income,score,hours,sex,race,region,occupation,joined,approved,note\n';

function makeRow(id) {
  const age = Math.min(90, 18 + Math.floor(Math.abs(normal()) * 22 + random() * 8));
  const sex = pick(SEXES);
  const race = weighted(RACES, RACE_WEIGHTS);
  const occ = Math.floor(random() * OCCUPATIONS.length);
  const experience = Math.min(1, (age - 18) / 30);
  const income = Math.max(
    1000,
    18000 * OCCUPATION_PAY[occ] * (0.7 + experience) * Math.exp(0.45 * normal()) * (sex === 'Male' ? 1.1 : 1),
  );
  const hours = Math.max(1, Math.min(99, Math.round(40 + 10 * normal())));
  const rawScore = Math.max(0, Math.min(100, 55 + 15 * normal() + (income - 30000) / 2000));
  const scoreMissing = random() < 0.05;
  // Approval leans on score and income (and, a little, on sex: something for the fairness audit to find).
  const logit = (rawScore - 55) / 8 + (income - 30000) / 20000 + (sex === 'Male' ? 0.3 : -0.1) - 0.2;
  const approved = random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
  const joined = new Date((FIRST_DAY + int(0, LAST_DAY - FIRST_DAY)) * DAY_MS).toISOString().slice(0, 10);
  const r = random();
  let note;
  if (r < 0.1) note = `"${pick(NOTE_OPENERS)}, ${pick(NOTE_DETAILS)}"`;
  else if (r < 0.15) note = '';
  else note = `${pick(NOTE_OPENERS)} ${int(1, 999)}`;
  return (
    `${id},${age},${income.toFixed(2)},${scoreMissing ? '' : rawScore.toFixed(2)},${hours},${sex},${race},` +
    `${pick(REGIONS)},${OCCUPATIONS[occ]},${joined},${approved},${note}\n`
  );
}

async function main() {
  const started = performance.now();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const out = fs.createWriteStream(outFile);
  const failed = new Promise((_, reject) => out.on('error', reject));
  const drained = () => Promise.race([new Promise((resolve) => out.once('drain', resolve)), failed]);
  if (!out.write(HEADER)) await drained();
  for (let first = 1; first <= rows; first += ROWS_PER_CHUNK) {
    const last = Math.min(rows, first + ROWS_PER_CHUNK - 1);
    let chunk = '';
    for (let id = first; id <= last; id += 1) chunk += makeRow(id);
    if (!out.write(chunk)) await drained();
  }
  await Promise.race([new Promise((resolve) => out.end(resolve)), failed]);
  const bytes = fs.statSync(outFile).size;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `wrote ${outFile}: ${rows.toLocaleString('en')} rows x 12 columns + header, ` +
      `${(bytes / 1e6).toFixed(1)} MB (${bytes.toLocaleString('en')} bytes) in ${seconds.toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
