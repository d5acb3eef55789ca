/**
 * The model card: a page a manager can read about one run, built from its report (docs/report-schema.md) and
 * a few fields the user fills in (intended use, people affected, limitations). Two renderings of the same
 * content: one self-contained HTML document (inline style and SVG charts, no script, no external address, so
 * it can be saved, mailed and printed) and Markdown. Pure functions: no DOM, no state.
 *
 * Safety: every string that comes from the user or their data (the data set's and columns' names, group and
 * class labels, run names, the fields) is escaped for the output format (`escapeHtml`, `escapeMarkdown`) before
 * it reaches the page, as are the messages' plain strings; message functions get escaped arguments.
 */
import { fairnessFinding } from '../fairness/findings';
import type { ModelCardMessages } from '../i18n/en.card';
import type { Formatter } from '../i18n/format';
import type { AuditEntry, BinaryAuditEntry } from '../pipeline/audit';
import type { Figure, Report } from './report';

export type { ModelCardMessages };

/** What the people responsible for the model write on its card. */
export interface ModelCardFields {
  intendedUse: string;
  peopleAffected: string;
  limitations: string;
}

export interface ModelCardInput {
  report: Report;
  fields: ModelCardFields;
  /** The runs compared in "Make it fairer" (the card's own run among them), and which one was chosen. */
  runs?: { name: string; report: Report; chosen: boolean }[];
}

/** Columns shown in the importance section, most important first. */
export const CARD_IMPORTANCE_TOP = 10;
/** Columns shown per attribute in the proxies section, strongest first. */
export const CARD_PROXIES_TOP = 5;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: & < > " ' become entities. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text as Markdown that shows literally, also inside a table cell: Markdown's special characters get a
 * backslash (CommonMark escapes any ASCII punctuation that way; GFM tables take `\|`), and line breaks become
 * `<br>` so a cell or a list item stays on one line.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\\`*_{}[\]<>#|~!$&]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '<br>');
}

// ---------------------------------------------------------------------------------------------------------
// The content, as blocks of already-escaped text, rendered by both formats.

type Tone = 'muted' | 'pass' | 'fail' | 'warn';

interface Bar {
  /** Escaped, shortened label; `title` is the whole label, escaped. */
  label: string;
  title: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** The value as written beside the bar, escaped. */
  text: string;
}

type Block =
  | { kind: 'h3'; text: string }
  | { kind: 'p'; text: string; tone?: Tone; pre?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: { label: string; value: string; tone?: Tone; pre?: boolean }[] }
  | {
      kind: 'table';
      caption: string;
      head: string[];
      rows: string[][];
      /** Rows to mark (the chosen run). */
      marked?: boolean[];
    }
  | { kind: 'bars'; label: string; bars: Bar[]; max: number; ticks: { at: number; text: string }[] };

interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

interface Card {
  title: string;
  intro: Block[];
  sections: Section[];
}

type Escape = (text: string) => string;

const isBinaryEntry = (e: AuditEntry): e is BinaryAuditEntry => 'demographicParityDifference' in e;

const PERCENT_METRICS = new Set([
  'accuracy',
  'baselineAccuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'specificity',
  'f1',
  'macroPrecision',
  'macroRecall',
  'macroF1',
]);
const UNIT_METRICS = new Set(['mae', 'rmse', 'baselineRmse']);
/** Each metric and the baseline figure shown beside it. */
const BASELINE_OF: Record<string, string> = { accuracy: 'baselineAccuracy', rmse: 'baselineRmse' };

const DISPARITIES = [
  ['demographicParityDifference', 0],
  ['demographicParityRatio', 1],
  ['equalOpportunityDifference', 0],
  ['equalizedOddsDifference', 0],
  ['equalizedOddsRatio', 1],
  ['predictiveParityDifference', 0],
  ['accuracyDifference', 0],
] as const;

const TABLE_RATES = ['baseRate', 'selectionRate', 'tpr', 'fpr'] as const;

/** At most `n` characters, with an ellipsis when cut (for chart labels; tables show the whole label). */
const shorten = (text: string, n: number) => (text.length <= n ? text : `${text.slice(0, n - 1)}…`);

function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(
      date,
    );
  } catch {
    return iso;
  }
}

function buildCard(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter, esc: Escape): Card {
  const { report, fields, runs } = input;
  const { task } = report;
  const classes = report.classes ?? [];
  const na = esc(m.notDefined);
  const fig = (x: Figure | undefined, show: (v: number) => string) =>
    x === null || x === undefined || !Number.isFinite(x) ? na : esc(show(x));
  const pct = (x: Figure | undefined) => fig(x, (v) => fmt.percent(v, 1));
  const dec = (x: Figure | undefined, digits = 3) => fig(x, (v) => fmt.decimal(v, digits));
  const qty = (x: Figure | undefined) => fig(x, (v) => fmt.quantity(v));
  const int = (x: number) => esc(fmt.integer(x));
  const metricValue = (name: string, x: Figure | undefined) =>
    PERCENT_METRICS.has(name) ? pct(x) : UNIT_METRICS.has(name) ? qty(x) : dec(x);
  const metricName = (name: string) => esc(m.metrics.names[name] ?? name);
  const scalar = (r: Pick<Report, 'metrics'>, name: string): Figure | undefined => {
    const v = r.metrics[name];
    return typeof v === 'number' || v === null ? v : undefined;
  };
  const modelName = (kind: Report['model']['kind']) =>
    esc(m.models[kind]?.[task === 'regression' ? 1 : 0] ?? kind);
  const binaryEntries = (report.fairness ?? []).filter(isBinaryEntry);
  const positive = report.positiveClass ?? classes[classes.length - 1] ?? '';

  // The headline figure against the baseline: accuracy (classification) or RMSE (regression, lower is better).
  const headline = (): Block | null => {
    const name = task === 'regression' ? 'rmse' : 'accuracy';
    const value = scalar(report, name);
    const base = scalar(report, BASELINE_OF[name]);
    if (value === null || value === undefined || base === null || base === undefined) return null;
    const better = task === 'regression' ? value < base : value > base;
    const say = better ? m.beats : m.doesNotBeat;
    return {
      kind: 'p',
      text: say(metricName(name), metricValue(name, value), metricValue(name, base)),
      tone: better ? 'pass' : 'fail',
    };
  };

  const verdictOf = (entry: BinaryAuditEntry): string | null => {
    const finding = fairnessFinding(entry);
    if (!finding || finding.passesFourFifths === null) return null;
    const t = m.fairness;
    const verdict = esc(finding.passesFourFifths ? t.glancePasses : t.glanceFails);
    const violated = finding.violated.map((v) => esc(t.definitions[v] ?? v)).join(', ');
    return m.glanceFair(esc(entry.attribute), verdict + (violated ? t.glanceViolated(violated) : ''));
  };

  // ---- At a glance
  const glance: string[] = [
    m.glanceTask(esc(m.tasks[task] ?? task), esc(report.target)),
    m.glanceModel(modelName(report.model.kind)),
  ];
  const head = headline();
  if (head && head.kind === 'p') glance.push(head.text);
  for (const entry of binaryEntries) {
    const verdict = verdictOf(entry);
    if (verdict) glance.push(verdict);
  }
  if (report.chosen) glance.push(esc(m.chosenRun));

  // ---- The fields the user fills in
  const field = (label: string, text: string) =>
    text.trim() === ''
      ? { label: esc(label), value: esc(m.notFilled), tone: 'muted' as const }
      : { label: esc(label), value: esc(text.trim()), pre: true };
  const fieldsSection: Section = {
    id: 'purpose',
    title: esc(m.fields.title),
    blocks: [
      { kind: 'p', text: esc(m.fields.intro), tone: 'muted' },
      {
        kind: 'facts',
        items: [
          field(m.fields.intendedUse, fields.intendedUse),
          field(m.fields.peopleAffected, fields.peopleAffected),
          field(m.fields.limitations, fields.limitations),
        ],
      },
    ],
  };

  // ---- The data
  const d = m.data;
  const { dataset, split } = report;
  const dataItems = [
    { label: esc(d.dataset), value: esc(dataset.name) },
    { label: esc(d.rows), value: int(dataset.rows) },
    { label: esc(d.columns), value: int(dataset.columns) },
    {
      label: esc(d.testFile),
      value: dataset.testFile
        ? d.testFileValue(esc(dataset.testFile.name), int(dataset.testFile.rows))
        : esc(d.noTestFile),
    },
    { label: esc(d.target), value: esc(report.target) },
    { label: esc(d.task), value: esc(m.tasks[task] ?? task) },
    ...(report.positiveClass !== null
      ? [{ label: esc(d.positiveClass), value: esc(report.positiveClass) }]
      : []),
    ...(classes.length > 0 ? [{ label: esc(d.classes), value: classes.map(esc).join(', ') }] : []),
    {
      label: esc(d.sensitive),
      value: report.sensitive.length > 0 ? report.sensitive.map(esc).join(', ') : esc(d.noSensitive),
    },
    { label: esc(d.split), value: d.splitValue(int(split.train), int(split.validation), int(split.test)) },
    { label: esc(d.seed), value: int(split.seed) },
  ];
  const dataSection: Section = {
    id: 'data',
    title: esc(d.title),
    blocks: [{ kind: 'facts', items: dataItems }],
  };

  // ---- The model
  const mm = m.model;
  const { model } = report;
  const modelItems = [
    { label: esc(mm.kind), value: modelName(model.kind) },
    { label: esc(mm.backend), value: esc(m.backends[model.backend] ?? model.backend) },
    { label: esc(mm.trainTime), value: mm.seconds(esc(fmt.decimal(model.trainMs / 1000, 1))) },
    ...(model.epochs !== null ? [{ label: esc(mm.epochs), value: int(model.epochs) }] : []),
    ...(model.bestEpoch !== undefined && model.bestEpoch !== null
      ? [{ label: esc(mm.bestEpoch), value: int(model.bestEpoch) }]
      : []),
    ...(model.stoppedBy
      ? [{ label: esc(mm.stoppedBy), value: esc(mm.stopped[model.stoppedBy] ?? model.stoppedBy) }]
      : []),
  ];
  const optionValue = (v: number | number[]) =>
    esc(Array.isArray(v) ? v.map((x) => fmt.decimal(x, 6)).join(', ') : fmt.decimal(v, 6));
  const modelBlocks: Block[] = [{ kind: 'facts', items: modelItems }];
  if (model.fallbacks && model.fallbacks.length > 0)
    modelBlocks.push({
      kind: 'p',
      tone: 'warn',
      text: mm.fallbacks(
        model.fallbacks.map((f) => mm.fallback(esc(f.from), esc(f.to), int(f.afterEpoch))).join('; '),
      ),
    });
  const options = Object.entries(model.options);
  if (options.length > 0)
    modelBlocks.push({
      kind: 'table',
      caption: esc(mm.options),
      head: [esc(mm.option), esc(mm.value)],
      rows: options.map(([k, v]) => [esc(mm.optionNames[k] ?? k), optionValue(v)]),
    });
  const modelSection: Section = { id: 'model', title: esc(mm.title), blocks: modelBlocks };

  // ---- How good it is
  const mt = m.metrics;
  const metricsBlocks: Block[] = [{ kind: 'p', text: esc(mt.intro), tone: 'muted' }];
  if (head) metricsBlocks.push(head);
  if (task === 'binary')
    metricsBlocks.push(
      report.mitigation?.method === 'thresholds' && report.threshold === undefined
        ? { kind: 'p', text: esc(mt.groupThresholds) }
        : { kind: 'p', text: mt.atThreshold(esc(fmt.decimal(report.threshold ?? 0.5, 2))) },
    );
  const baselines = new Set(Object.values(BASELINE_OF));
  const metricRows = Object.keys(report.metrics)
    .filter((name) => !baselines.has(name) && scalar(report, name) !== undefined)
    .map((name) => {
      const base = BASELINE_OF[name];
      return [
        metricName(name),
        metricValue(name, scalar(report, name)),
        base && base in report.metrics ? metricValue(base, scalar(report, base)) : '',
      ];
    });
  metricsBlocks.push({
    kind: 'table',
    caption: esc(mt.table),
    head: [esc(mt.figure), esc(mt.value), esc(mt.baseline)],
    rows: metricRows,
  });
  const confusion = report.metrics.confusion;
  if (Array.isArray(confusion) && task !== 'regression' && confusion.length === classes.length)
    metricsBlocks.push({
      kind: 'table',
      caption: esc(mt.confusion),
      head: [esc(mt.actual), ...classes.map((c) => mt.predicted(esc(c)))],
      rows: confusion.map((row, i) => [esc(classes[i]), ...row.map((x) => fig(x, fmt.integer))]),
    });
  const metricsSection: Section = { id: 'metrics', title: esc(mt.title), blocks: metricsBlocks };

  // ---- Is it fair
  const f = m.fairness;
  const withInterval = (g: BinaryAuditEntry['groups'][number], rate: (typeof TABLE_RATES)[number]) => {
    const [low, high] = g.intervals[rate];
    const value = pct(g[rate]);
    return g[rate] === null || low === null || high === null ? value : `${value} (${pct(low)}–${pct(high)})`;
  };
  const findingBlocks = (entry: BinaryAuditEntry): Block[] => {
    const finding = fairnessFinding(entry);
    if (!finding) return [{ kind: 'p', text: esc(f.oneGroup), tone: 'muted' }];
    const { favoured, disfavoured, ratio, passesFourFifths, violated, smallGroups } = finding;
    const out: Block[] = [];
    if (ratio !== null)
      out.push({
        kind: 'p',
        text: `${f.ratioSentence(esc(disfavoured.group), esc(positive), esc(fmt.decimal(ratio, 2)), esc(favoured.group))} ${f.ratesSentence(
          esc(disfavoured.group),
          pct(disfavoured.rate),
          esc(favoured.group),
          pct(favoured.rate),
        )}`,
      });
    if (passesFourFifths !== null)
      out.push({
        kind: 'p',
        text: esc(passesFourFifths ? f.passes : f.fails),
        tone: passesFourFifths ? 'pass' : 'fail',
      });
    out.push({
      kind: 'p',
      text:
        violated.length > 0
          ? f.violated(violated.map((v) => esc(f.definitions[v] ?? v)).join(', '))
          : esc(f.noneViolated),
      tone: violated.length > 0 ? 'fail' : 'pass',
    });
    out.push({ kind: 'p', text: esc(f.toleranceNote), tone: 'muted' });
    if (smallGroups.length > 0)
      out.push({ kind: 'p', text: f.smallGroups(smallGroups.map(esc).join(', ')), tone: 'warn' });
    if (entry.groupsWithUndefinedRate.length > 0)
      out.push({
        kind: 'p',
        text: f.undefinedGroups(entry.groupsWithUndefinedRate.map(esc).join(', ')),
        tone: 'muted',
      });
    return out;
  };
  const percentTicks = [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, text: esc(fmt.percent(at)) }));
  const fairnessBlocks: Block[] = [{ kind: 'p', text: esc(f.intro), tone: 'muted' }];
  const audit = report.fairness ?? [];
  if (task === 'multiclass') fairnessBlocks.push({ kind: 'p', text: esc(f.multiclass) });
  else if (audit.length === 0) fairnessBlocks.push({ kind: 'p', text: esc(f.noAudit) });
  for (const entry of audit) {
    const attribute = esc(entry.attribute);
    fairnessBlocks.push({ kind: 'h3', text: f.attribute(attribute) });
    if (isBinaryEntry(entry)) {
      fairnessBlocks.push({ kind: 'p', text: esc(f.findings), tone: 'muted' });
      fairnessBlocks.push(...findingBlocks(entry));
      fairnessBlocks.push({
        kind: 'bars',
        label: f.chart(attribute),
        max: 1,
        ticks: percentTicks,
        bars: entry.groups.map((g) => ({
          label: esc(shorten(g.group, 24)),
          title: esc(g.group),
          value: g.selectionRate,
          low: g.intervals.selectionRate[0],
          high: g.intervals.selectionRate[1],
          text: pct(g.selectionRate),
        })),
      });
      fairnessBlocks.push({
        kind: 'table',
        caption: f.groups(attribute),
        head: [esc(f.group), esc(f.count), ...TABLE_RATES.map((r) => esc(f.rates[r] ?? r))],
        rows: entry.groups.map((g) => [
          esc(g.group),
          int(g.count),
          ...TABLE_RATES.map((r) => withInterval(g, r)),
        ]),
      });
      fairnessBlocks.push({
        kind: 'table',
        caption: esc(f.disparities),
        head: [esc(f.measure), esc(f.value), esc(f.fairAt)],
        rows: DISPARITIES.map(([key, ideal]) => [
          esc(f.disparityNames[key] ?? key),
          dec(entry[key]),
          esc(fmt.decimal(ideal, 0)),
        ]),
      });
    } else {
      fairnessBlocks.push({
        kind: 'table',
        caption: f.regression(attribute),
        head: [esc(f.group), esc(f.count), esc(f.meanPrediction), esc(f.meanError), esc(f.mae)],
        rows: entry.groups.map((g) => [
          esc(g.group),
          int(g.count),
          qty(g.meanPrediction),
          qty(g.meanError),
          qty(g.mae),
        ]),
      });
    }
  }
  const fairnessSection: Section = { id: 'fairness', title: esc(f.title), blocks: fairnessBlocks };

  // ---- Importance
  const im = m.importance;
  const importance = report.importance ?? [];
  const top = importance.slice(0, CARD_IMPORTANCE_TOP);
  const importanceBlocks: Block[] = [];
  if (top.length === 0) importanceBlocks.push({ kind: 'p', text: esc(im.notMeasured), tone: 'muted' });
  else {
    const scoreName = esc(im.scoreNames[task === 'regression' ? 'r2' : 'accuracy'] ?? '');
    const max = Math.max(...top.map((c) => c.mean + c.std), 1e-9);
    importanceBlocks.push({ kind: 'p', text: im.intro(scoreName), tone: 'muted' });
    importanceBlocks.push({
      kind: 'bars',
      label: esc(im.chart),
      max,
      ticks: [0, max / 2, max].map((at) => ({ at, text: esc(fmt.decimal(at, 3)) })),
      bars: top.map((c) => ({
        label: esc(shorten(c.feature, 24)),
        title: esc(c.feature),
        value: c.mean,
        low: c.mean - c.std,
        high: c.mean + c.std,
        text: dec(c.mean),
      })),
    });
    importanceBlocks.push({
      kind: 'table',
      caption: esc(im.chart),
      head: [esc(im.column), esc(im.drop), esc(im.spread)],
      rows: top.map((c) => [esc(c.feature), dec(c.mean), dec(c.std)]),
    });
    if (importance.length > top.length)
      importanceBlocks.push({ kind: 'p', text: im.more(int(importance.length - top.length)), tone: 'muted' });
  }
  const importanceSection: Section = { id: 'importance', title: esc(im.title), blocks: importanceBlocks };

  // ---- Proxies
  const px = m.proxies;
  const proxies = report.proxies ?? [];
  const proxyBlocks: Block[] = [];
  if (proxies.length === 0) proxyBlocks.push({ kind: 'p', text: esc(px.none), tone: 'muted' });
  else {
    proxyBlocks.push({ kind: 'p', text: esc(px.intro), tone: 'muted' });
    const attributes = [...new Set(proxies.map((p) => p.attribute))];
    for (const attribute of attributes)
      proxyBlocks.push({
        kind: 'table',
        caption: px.attribute(esc(attribute)),
        head: [esc(px.column), esc(px.score), esc(px.chance)],
        rows: proxies
          .filter((p) => p.attribute === attribute)
          .slice(0, CARD_PROXIES_TOP)
          .map((p) => [esc(p.feature), pct(p.score), pct(p.chance)]),
      });
  }
  const proxiesSection: Section = { id: 'proxies', title: esc(px.title), blocks: proxyBlocks };

  // ---- The remedy
  const mi = m.mitigation;
  const mitigation = report.mitigation ?? null;
  const mitigationBlocks: Block[] = [];
  const entryOf = (fairness: AuditEntry[] | undefined, attribute: string) =>
    (fairness ?? []).filter(isBinaryEntry).find((e) => e.attribute === attribute);
  if (!mitigation) mitigationBlocks.push({ kind: 'p', text: esc(mi.none) });
  else {
    const o = mitigation.options;
    const items = [
      { label: esc(mi.method), value: esc(mi.methods[mitigation.method] ?? mitigation.method) },
      { label: esc(mi.attribute), value: esc(mitigation.attribute) },
      ...(o.fairness ? [{ label: esc(mi.goal), value: esc(mi.goals[o.fairness] ?? o.fairness) }] : []),
      ...(o.lambda !== undefined ? [{ label: esc(mi.lambda), value: esc(fmt.decimal(o.lambda, 3)) }] : []),
      ...(o.dropped
        ? [
            {
              label: esc(mi.dropped),
              value: o.dropped.length > 0 ? o.dropped.map(esc).join(', ') : esc(m.none),
            },
          ]
        : []),
      ...(o.trainingRows !== undefined ? [{ label: esc(mi.trainingRows), value: int(o.trainingRows) }] : []),
      ...(o.validation
        ? [
            { label: esc(mi.validationAccuracy), value: pct(o.validation.accuracy) },
            { label: esc(mi.validationViolation), value: dec(o.validation.violation) },
          ]
        : []),
    ];
    mitigationBlocks.push({ kind: 'facts', items });
    if (o.rules && o.rules.length > 0)
      mitigationBlocks.push({
        kind: 'table',
        caption: esc(mi.rules),
        head: [esc(mi.ruleGroup), esc(mi.ruleLow), esc(mi.ruleHigh), esc(mi.rulePBetween), esc(mi.ruleMix)],
        rows: o.rules.map((r) => [
          esc(r.group),
          r.low === null ? esc(mi.everybody) : dec(r.low),
          dec(r.high),
          pct(r.pBetween),
          pct(r.mix),
        ]),
      });
    const baseline = report.baseline;
    if (baseline) {
      const before = entryOf(baseline.fairness, mitigation.attribute);
      const after = entryOf(report.fairness, mitigation.attribute);
      const name = task === 'regression' ? 'rmse' : 'accuracy';
      const rows = [
        [
          metricName(name),
          metricValue(name, scalar(baseline, name)),
          metricValue(name, scalar(report, name)),
        ],
      ];
      for (const key of [
        'demographicParityDifference',
        'equalOpportunityDifference',
        'equalizedOddsDifference',
      ] as const)
        if (before || after)
          rows.push([
            esc(f.disparityNames[key] ?? key),
            dec(before?.[key] ?? null),
            dec(after?.[key] ?? null),
          ]);
      mitigationBlocks.push({
        kind: 'table',
        caption: esc(mi.baseline),
        head: [esc(mt.figure), esc(mi.plainRun), esc(mi.thisRun)],
        rows,
      });
    }
  }
  const mitigationSection: Section = { id: 'mitigation', title: esc(mi.title), blocks: mitigationBlocks };

  // ---- Runs compared
  const sections = [
    fieldsSection,
    dataSection,
    modelSection,
    metricsSection,
    fairnessSection,
    importanceSection,
    proxiesSection,
    mitigationSection,
  ];
  if (runs && runs.length > 0) {
    const rn = m.runs;
    const attribute =
      mitigation?.attribute ??
      runs.find((r) => r.report.mitigation)?.report.mitigation?.attribute ??
      report.sensitive[0] ??
      '';
    const chosen = runs.find((r) => r.chosen);
    sections.push({
      id: 'runs',
      title: esc(rn.title),
      blocks: [
        { kind: 'p', text: rn.intro(esc(attribute)), tone: 'muted' },
        {
          kind: 'table',
          caption: esc(rn.title),
          head: [esc(rn.run), esc(rn.accuracy), esc(rn.dp), esc(rn.eop), esc(rn.eodds), esc(rn.chosen)],
          rows: runs.map((r) => {
            const entry = entryOf(r.report.fairness, attribute);
            return [
              esc(r.name),
              pct(scalar(r.report, 'accuracy')),
              dec(entry?.demographicParityDifference ?? null),
              dec(entry?.equalOpportunityDifference ?? null),
              dec(entry?.equalizedOddsDifference ?? null),
              r.chosen ? esc(rn.chosenMark) : '',
            ];
          }),
          marked: runs.map((r) => r.chosen),
        },
        chosen
          ? { kind: 'p', text: rn.chosenNote(esc(chosen.name)), tone: 'pass' }
          : { kind: 'p', text: esc(rn.noneChosen), tone: 'muted' },
      ],
    });
  }

  return {
    title: `${esc(m.title)}: ${esc(dataset.name)}`,
    intro: [
      { kind: 'p', text: m.subtitle(esc(report.target), esc(dataset.name)) },
      { kind: 'p', text: m.created(esc(formatDate(report.createdAt, m.locale))), tone: 'muted' },
      { kind: 'p', text: esc(m.app), tone: 'muted' },
      { kind: 'h3', text: esc(m.glance) },
      { kind: 'list', items: glance },
    ],
    sections,
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTML

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2330; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 52rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid #d9dde4; border-radius: 8px; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 0 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #d9dde4; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
section { margin-top: 1.8rem; }
p { margin: .4rem 0; }
ul { margin: .4rem 0; padding-left: 1.3rem; }
.muted { color: #5a6272; font-size: .93em; }
.pass { color: #1d6b35; }
.fail { color: #a0281e; font-weight: 600; }
.warn { color: #8a5a00; }
.pre { white-space: pre-wrap; }
dl { display: grid; grid-template-columns: minmax(11rem, max-content) 1fr; gap: .25rem 1.2rem; margin: .5rem 0; }
dt { font-weight: 600; color: #3a4252; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; color: #3a4252; }
th, td { border: 1px solid #d9dde4; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef0f4; }
tr.chosen td { background: #e7f4ea; font-weight: 600; }
figure { margin: .8rem 0; }
figcaption { font-size: .9em; color: #5a6272; margin-top: .2rem; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1d2330; }
svg.chart .bar { fill: #4a78b5; }
svg.chart .whisker { stroke: #1d2330; stroke-width: 1.5; }
svg.chart .grid { stroke: #d9dde4; stroke-width: 1; }
svg.chart .tick { fill: #5a6272; }
@page { margin: 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  section { break-inside: avoid-page; page-break-inside: avoid; }
  section.long { break-inside: auto; page-break-inside: auto; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  table, figure, dl, tr { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Sections that can run over a page; the others are kept on one page when printed. */
const LONG_SECTIONS = new Set(['fairness', 'metrics', 'model', 'runs']);

const round = (x: number) => Math.round(x * 10) / 10;

function svgBars(block: Extract<Block, { kind: 'bars' }>): string {
  const width = 640;
  const labelWidth = 170;
  const valueWidth = 80;
  const row = 26;
  const top = 6;
  const axis = 22;
  const plot = width - labelWidth - valueWidth - 10;
  const height = top + block.bars.length * row + axis;
  const x = (v: number) => round(labelWidth + Math.max(0, Math.min(1, v / block.max)) * plot);
  const parts: string[] = [];
  for (const tick of block.ticks) {
    const tx = x(tick.at);
    parts.push(
      `<line class="grid" x1="${tx}" y1="${top}" x2="${tx}" y2="${top + block.bars.length * row}"/>`,
      `<text class="tick" x="${tx}" y="${height - 6}" text-anchor="middle">${tick.text}</text>`,
    );
  }
  block.bars.forEach((bar, i) => {
    const y = top + i * row;
    const mid = round(y + row / 2);
    parts.push(
      `<g><title>${bar.title}: ${bar.text}</title>`,
      `<text x="${labelWidth - 8}" y="${mid + 4}" text-anchor="end">${bar.label}</text>`,
    );
    if (bar.value !== null && Number.isFinite(bar.value)) {
      const w = round(x(bar.value) - labelWidth);
      parts.push(
        `<rect class="bar" x="${labelWidth}" y="${round(y + 6)}" width="${w}" height="${row - 12}"/>`,
      );
      const { low, high } = bar;
      if (low !== undefined && high !== undefined && low !== null && high !== null) {
        const [x1, x2] = [x(low), x(high)];
        parts.push(
          `<line class="whisker" x1="${x1}" y1="${mid}" x2="${x2}" y2="${mid}"/>`,
          `<line class="whisker" x1="${x1}" y1="${mid - 5}" x2="${x1}" y2="${mid + 5}"/>`,
          `<line class="whisker" x1="${x2}" y1="${mid - 5}" x2="${x2}" y2="${mid + 5}"/>`,
        );
      }
    }
    parts.push(`<text x="${width - valueWidth}" y="${mid + 4}">${bar.text}</text>`, '</g>');
  });
  return (
    `<figure><svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${block.label}">` +
    `<title>${block.label}</title>${parts.join('')}</svg><figcaption>${block.label}</figcaption></figure>`
  );
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'h3':
      return `<h3>${block.text}</h3>`;
    case 'p': {
      const classes = [block.tone, block.pre ? 'pre' : undefined].filter(Boolean).join(' ');
      return `<p${classes ? ` class="${classes}"` : ''}>${block.text}</p>`;
    }
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
    case 'facts':
      return `<dl>${block.items
        .map((item) => {
          const classes = [item.tone, item.pre ? 'pre' : undefined].filter(Boolean).join(' ');
          return `<dt>${item.label}</dt><dd${classes ? ` class="${classes}"` : ''}>${item.value}</dd>`;
        })
        .join('')}</dl>`;
    case 'table': {
      const head = `<thead><tr>${block.head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
      const body = block.rows
        .map(
          (cells, i) =>
            `<tr${block.marked?.[i] ? ' class="chosen"' : ''}>${cells
              .map((c, j) => (j === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`))
              .join('')}</tr>`,
        )
        .join('');
      return `<table><caption>${block.caption}</caption>${head}<tbody>${body}</tbody></table>`;
    }
    case 'bars':
      return svgBars(block);
  }
}

/**
 * The model card as one self-contained HTML document: inline style (readable on screen, printable), inline SVG
 * charts, no script and no address outside the document; a Content-Security-Policy forbids both anyway.
 */
export function modelCardHtml(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter): string {
  const card = buildCard(input, m, fmt, escapeHtml);
  const sections = card.sections
    .map(
      (s) =>
        `<section id="${s.id}"${LONG_SECTIONS.has(s.id) ? ' class="long"' : ''}>\n<h2>${s.title}</h2>\n${s.blocks
          .map(htmlBlock)
          .join('\n')}\n</section>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(m.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${card.title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header>\n<h1>${card.title}</h1>\n${card.intro.map(htmlBlock).join('\n')}\n</header>`,
    sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

const TONE_MARK: Partial<Record<Tone, string>> = { fail: '**', pass: '' };

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'h3':
      return `### ${block.text}`;
    case 'p': {
      if (block.tone === 'muted') return `*${block.text}*`;
      const mark = block.tone ? (TONE_MARK[block.tone] ?? '') : '';
      return `${mark}${block.text}${mark}`;
    }
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'facts':
      return block.items
        .map((item) => `- **${item.label}:** ${item.tone === 'muted' ? `*${item.value}*` : item.value}`)
        .join('\n');
    case 'table': {
      const cell = (c: string) => (c === '' ? ' ' : c);
      const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      return [
        `**${block.caption}**`,
        '',
        line(block.head),
        line(block.head.map(() => '---')),
        ...block.rows.map((cells, i) =>
          line(block.marked?.[i] ? cells.map((c) => (c ? `**${c}**` : c)) : cells),
        ),
      ].join('\n');
    }
    case 'bars':
      // Charts are for the HTML card; the same figures are in the table beside them.
      return '';
  }
}

/** The model card as Markdown: the same sections and figures as the HTML card, tables instead of charts. */
export function modelCardMarkdown(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter): string {
  const card = buildCard(input, m, fmt, escapeMarkdown);
  const out = [`# ${card.title}`, ...card.intro.map(markdownBlock)];
  for (const section of card.sections)
    out.push(`## ${section.title}`, ...section.blocks.map(markdownBlock).filter((b) => b !== ''));
  return `${out.join('\n\n')}\n`;
}
