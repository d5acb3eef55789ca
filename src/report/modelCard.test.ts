import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import { runPipeline } from '../pipeline/train';
import type { PipelineInput } from '../pipeline/types';
import type { BinaryAuditEntry } from '../pipeline/audit';
import { explainRun } from '../explain/run';
import { en } from '../i18n/en';
import { createFormatter } from '../i18n/format';
import { buildReport, exportedReport, type Report } from './report';
import {
  escapeHtml,
  escapeMarkdown,
  modelCardHtml,
  modelCardMarkdown,
  type ModelCardFields,
  type ModelCardInput,
} from './modelCard';

const m = en.card;
const fmt = createFormatter(en.locale);
const CREATED = new Date('2025-01-02T03:04:05.000Z');

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const PIPE = '| pipe';
const BOLD = '**bold**';

const FIELDS: ModelCardFields = {
  intendedUse: 'Rank loan applications for a second look by a person.',
  peopleAffected: 'Applicants for consumer credit.',
  limitations: '',
};

let plain: Report;
let reweighed: Report;
let regression: Report;

async function run(
  settings: Partial<DataSettings>,
  extra: Partial<PipelineInput> = {},
  importance = false,
): Promise<Report> {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(`german-credit.csv did not parse: ${parsed.reason.code}`);
  const result = await runPipeline({
    ...parsed.data,
    settings: { ...DEFAULT_SETTINGS, sensitive: [{ column: 'sex' }], ...settings },
    model: 'boosted',
    seed: 42,
    options: { nEstimators: 10 },
    ...extra,
  });
  if (!result.ok) throw new Error(`the pipeline failed: ${result.reason.code}`);
  const explained = importance ? await explainRun(result.data, { seed: 1, repeats: 2 }) : null;
  return buildReport(result.data, {
    datasetName: 'german-credit.csv',
    createdAt: CREATED,
    ...(explained ? { importance: explained.importance } : {}),
  });
}

beforeAll(async () => {
  const credit = { target: 'credit risk', positiveClass: 'good' };
  plain = await run(credit, {}, true);
  reweighed = await run(credit, { mitigation: { method: 'reweigh' } });
  regression = await run({ target: 'credit amount', task: 'regression' });
}, 60_000);

const html = (input: Partial<ModelCardInput> = {}) =>
  modelCardHtml({ report: plain, fields: FIELDS, ...input }, m, fmt);
const markdown = (input: Partial<ModelCardInput> = {}) =>
  modelCardMarkdown({ report: plain, fields: FIELDS, ...input }, m, fmt);

/** The text of one section of the HTML card. */
const sectionOf = (page: string, id: string) => {
  const start = page.indexOf(`<section id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
};

/** The report with hostile strings wherever the user or their data names something. */
function hostile(report: Report): Report {
  const r = structuredClone(report);
  r.dataset.name = SCRIPT;
  r.classes = [r.classes[0], BOLD];
  r.positiveClass = BOLD;
  r.fairness = (r.fairness ?? []).map((e) => ({
    ...e,
    groups: (e as BinaryAuditEntry).groups.map((g, i) => ({ ...g, group: i === 0 ? IMG : PIPE })),
  })) as Report['fairness'];
  r.importance = (r.importance ?? []).map((c, i) => (i === 0 ? { ...c, feature: `${SCRIPT} ${PIPE}` } : c));
  return r;
}

describe('escapeHtml and escapeMarkdown', () => {
  it('turn markup into text', () => {
    expect(escapeHtml(SCRIPT)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(IMG)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml("a & 'b'")).toBe('a &amp; &#39;b&#39;');
    expect(escapeMarkdown(BOLD)).toBe('\\*\\*bold\\*\\*');
    expect(escapeMarkdown(PIPE)).toBe('\\| pipe');
    expect(escapeMarkdown('[x](y) # _a_ `c` \\ <b>')).toBe('\\[x\\](y) \\# \\_a\\_ \\`c\\` \\\\ \\<b\\>');
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
  });
});

describe('modelCardHtml', () => {
  it('is one self-contained document: no script, no external address', () => {
    const page = html();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toMatch(/<style>[\s\S]*@media print[\s\S]*break-inside[\s\S]*<\/style>/);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/\b(src|href)=/i);
    expect(page).not.toMatch(/url\(/);
    expect(page).toContain('<svg class="chart"');
  });

  it('has the data, the model and the metrics with the baseline', () => {
    const page = html();
    const data = sectionOf(page, 'data');
    expect(data).toContain('german-credit.csv');
    expect(data).toContain('1,000');
    expect(data).toContain('credit risk');
    expect(data).toContain(`${fmt.integer(plain.split.train)} to train`);
    const model = sectionOf(page, 'model');
    expect(model).toContain('Boosted trees');
    expect(model).toContain(m.backends[plain.model.backend]);
    expect(model).toContain(m.model.optionNames.nEstimators);
    const metrics = sectionOf(page, 'metrics');
    const accuracy = fmt.percent(plain.metrics.accuracy as number, 1);
    const baseline = fmt.percent(plain.metrics.baselineAccuracy as number, 1);
    expect(metrics).toContain(`Accuracy ${accuracy}`);
    expect(metrics).toContain(baseline);
    expect(metrics).toContain(m.metrics.baseline);
    expect(metrics).toContain('decision threshold 0.5');
  });

  it('has the audit per attribute: groups with intervals, disparities, findings and a chart', () => {
    const fairness = sectionOf(html(), 'fairness');
    const sex = plain.fairness?.[0] as BinaryAuditEntry;
    expect(fairness).toContain('By sex');
    for (const g of sex.groups) {
      expect(fairness).toContain(`<th scope="row">${g.group}</th>`);
      const [low, high] = g.intervals.selectionRate;
      expect(fairness).toContain(
        `${fmt.percent(g.selectionRate as number, 1)} (${fmt.percent(low as number, 1)}–${fmt.percent(high as number, 1)})`,
      );
    }
    expect(fairness).toContain('Demographic parity difference');
    expect(fairness).toContain(fmt.decimal(sex.demographicParityDifference as number, 3));
    expect(fairness).toContain('Equalized odds ratio');
    expect(fairness).toMatch(/four-fifths guideline/);
    expect(fairness).toMatch(/Definitions not met|Every definition is met/);
    expect(fairness).toContain('aria-label="Selection rate (share predicted positive) by sex');
    expect(html()).toMatch(/At a glance[\s\S]*sex: (meets|falls short of) the four-fifths guideline/);
  });

  it('has the importance, the proxies and no remedy for a plain run', () => {
    const page = html();
    const importance = sectionOf(page, 'importance');
    const top = plain.importance?.[0];
    expect(top).toBeDefined();
    expect(importance).toContain(`<th scope="row">${escapeHtml(top?.feature ?? '')}</th>`);
    expect(importance).toContain('<svg class="chart"');
    expect(importance).toContain(m.importance.more(fmt.integer((plain.importance?.length ?? 0) - 10)));
    const proxies = sectionOf(page, 'proxies');
    expect(proxies).toContain('Guessing sex');
    expect(proxies.match(/<th scope="row">/g)?.length).toBe(5);
    expect(sectionOf(page, 'mitigation')).toContain(m.mitigation.none);
    expect(page).not.toContain('id="runs"');
  });

  it('shows the fields, and "not filled in" for an empty one', () => {
    const purpose = sectionOf(html(), 'purpose');
    expect(purpose).toContain(FIELDS.intendedUse);
    expect(purpose).toContain(FIELDS.peopleAffected);
    expect(purpose).toMatch(/Limitations<\/dt><dd class="muted">not filled in<\/dd>/);
  });

  it('escapes every string the user or the data supplies', () => {
    const page = html({
      report: hostile(plain),
      fields: { intendedUse: SCRIPT, peopleAffected: IMG, limitations: `${BOLD}\n${PIPE}` },
      runs: [{ name: IMG, report: plain, chosen: true }],
    });
    expect(page).not.toContain(SCRIPT);
    expect(page).not.toContain(IMG);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain(escapeHtml(SCRIPT));
    expect(page).toContain(escapeHtml(IMG));
    expect(page).toContain(`<title>Model card: ${escapeHtml(SCRIPT)}</title>`);
    // The group label in the table, the chart and the findings; the class in the confusion matrix.
    expect(sectionOf(page, 'fairness')).toContain(`<th scope="row">${escapeHtml(IMG)}</th>`);
    expect(sectionOf(page, 'fairness')).toContain(`<title>${escapeHtml(IMG)}:`);
    expect(sectionOf(page, 'metrics')).toContain('Predicted **bold**');
    expect(sectionOf(page, 'importance')).toContain(escapeHtml(SCRIPT));
  });

  it('renders a regression report without the binary audit', () => {
    const page = html({ report: regression });
    const metrics = sectionOf(page, 'metrics');
    expect(metrics).toContain(`RMSE ${fmt.quantity(regression.metrics.rmse as number)}`);
    expect(metrics).toContain(fmt.quantity(regression.metrics.baselineRmse as number));
    expect(metrics).not.toContain('decision threshold');
    const fairness = sectionOf(page, 'fairness');
    expect(fairness).toContain('Errors per group of sex');
    expect(fairness).toContain(m.fairness.meanError);
    expect(fairness).not.toContain('Demographic parity');
    expect(fairness).not.toContain('<svg');
    expect(fairness).not.toContain('four-fifths');
    expect(sectionOf(page, 'importance')).toContain(m.importance.notMeasured);
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it('shows the remedy, its baseline and the runs compared, with the chosen run marked', () => {
    const chosen = exportedReport(reweighed, { chosen: true, baseline: plain });
    const page = html({
      report: chosen,
      runs: [
        { name: 'Plain model', report: plain, chosen: false },
        { name: 'Reweighing', report: chosen, chosen: true },
      ],
    });
    const mitigation = sectionOf(page, 'mitigation');
    expect(mitigation).toContain('Reweighing');
    expect(mitigation).toMatch(/Protects<\/dt><dd>sex<\/dd>/);
    expect(mitigation).toContain(m.mitigation.baseline);
    const runs = sectionOf(page, 'runs');
    expect(runs).toContain('<tr><th scope="row">Plain model</th>');
    expect(runs).toContain('<tr class="chosen"><th scope="row">Reweighing</th>');
    expect(runs).toContain(m.runs.chosenMark);
    expect(runs).toContain(m.runs.chosenNote('Reweighing'));
    const dp = (r: Report) =>
      fmt.decimal((r.fairness?.[0] as BinaryAuditEntry).demographicParityDifference as number, 3);
    expect(runs).toContain(dp(plain));
    expect(runs).toContain(dp(reweighed));
    expect(page).toContain(m.chosenRun);
  });
});

describe('modelCardMarkdown', () => {
  it('has the same sections', () => {
    const text = markdown({
      runs: [
        { name: 'Plain model', report: plain, chosen: true },
        { name: 'Reweighing', report: reweighed, chosen: false },
      ],
    });
    for (const title of [
      m.fields.title,
      m.data.title,
      m.model.title,
      m.metrics.title,
      m.fairness.title,
      m.importance.title,
      m.proxies.title,
      m.mitigation.title,
      m.runs.title,
    ])
      expect(text).toContain(`## ${title}`);
    expect(text).toContain('### By sex');
    expect(text).toContain('| Demographic parity difference |');
    expect(text).toContain(`**${m.runs.chosenMark}** |`);
    expect(text).toContain(`- **${m.fields.limitations}:** *${m.notFilled}*`);
    expect(text).not.toContain('<svg');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('escapes user strings, also inside table cells', () => {
    const text = markdown({
      report: hostile(plain),
      fields: { intendedUse: SCRIPT, peopleAffected: IMG, limitations: `${BOLD}\n${PIPE}` },
      runs: [{ name: `${PIPE}\n${BOLD}`, report: plain, chosen: true }],
    });
    expect(text).not.toContain(SCRIPT);
    expect(text).not.toContain(IMG);
    expect(text).not.toContain(BOLD);
    expect(text).toContain(escapeMarkdown(SCRIPT));
    expect(text).toContain(escapeMarkdown(IMG));
    expect(text).toContain(`- **${m.fields.limitations}:** \\*\\*bold\\*\\*<br>\\| pipe`);
    // Every table row keeps its number of cells: no pipe from the data splits a cell.
    const table = text
      .split('\n')
      .filter((line) => line.startsWith('| ') && line.includes('Selection rate'))
      .concat(text.split('\n').filter((line) => line.startsWith(`| ${escapeMarkdown(IMG)}`)));
    expect(table.length).toBe(2);
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    expect(cells(table[1])).toBe(cells(table[0]));
    const runRow = text.split('\n').find((line) => line.includes('\\| pipe<br>'));
    expect(runRow).toBeDefined();
    expect(cells(runRow ?? '')).toBe(8);
  });

  it('renders a regression report without the binary audit', () => {
    const text = markdown({ report: regression });
    expect(text).toContain('Errors per group of sex');
    expect(text).toContain(`RMSE ${fmt.quantity(regression.metrics.rmse as number)}`);
    expect(text).not.toContain('Demographic parity');
  });
});
