/**
 * The card's content assembled from the report: the introduction, "at a glance", and one section each for the
 * user's fields, the data, the model, its figures, fairness, importance, proxies, the remedy and the runs
 * compared. Every string that comes from the user or their data is escaped with `esc` on its way in.
 */
import type { ModelCardMessages } from '../i18n/en.card';
import type { Formatter } from '../i18n/format';
import {
  CARD_IMPORTANCE_TOP,
  type Block,
  type Card,
  type Escape,
  type ModelCardFields,
  type ModelCardInput,
  type Section,
} from './cardContent';
import {
  BASELINE_OF,
  cardContext,
  entryOf,
  headline,
  isBinaryEntry,
  shorten,
  type CardContext,
} from './cardContext';
import { fairnessSection, fairnessVerdict, proxiesSection, remedySection } from './cardFairness';

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

/** "At a glance": the task, the model, the headline figure, the fairness verdicts, whether this run was chosen. */
function glanceItems(ctx: CardContext, head: Block | null): string[] {
  const { report, task, m, esc, modelName } = ctx;
  const binaryEntries = (report.fairness ?? []).filter(isBinaryEntry);
  const glance: string[] = [
    m.glanceTask(esc(m.tasks[task] ?? task), esc(report.target)),
    m.glanceModel(modelName(report.model.kind)),
  ];
  if (head && head.kind === 'p') glance.push(head.text);
  for (const entry of binaryEntries) {
    const verdict = fairnessVerdict(ctx, entry);
    if (verdict) glance.push(verdict);
  }
  if (report.chosen) glance.push(esc(m.chosenRun));
  return glance;
}

/** The fields the user fills in: intended use, people affected, limitations. */
function purposeSection(ctx: CardContext, fields: ModelCardFields): Section {
  const { m, esc } = ctx;
  const field = (label: string, text: string) =>
    text.trim() === ''
      ? { label: esc(label), value: esc(m.notFilled), tone: 'muted' as const }
      : { label: esc(label), value: esc(text.trim()), pre: true };
  return {
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
}

/** The data set, the target, the sensitive attributes and the split. */
function dataSection(ctx: CardContext, cleaning: readonly string[]): Section {
  const { report, task, classes, m, esc, int } = ctx;
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
  return {
    id: 'data',
    title: esc(d.title),
    blocks: [
      { kind: 'facts', items: dataItems },
      { kind: 'h3', text: esc(d.cleaning) },
      cleaning.length > 0
        ? { kind: 'list', items: cleaning.map(esc) }
        : { kind: 'p', text: esc(d.noCleaning), tone: 'muted' },
    ],
  };
}

/** The kind of model, how it was trained and its options. */
function modelSection(ctx: CardContext): Section {
  const { report, m, fmt, esc, int, modelName } = ctx;
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
  return { id: 'model', title: esc(mm.title), blocks: modelBlocks };
}

/** How good it is: the headline, the figures against the baseline, the confusion matrix. */
function metricsSection(ctx: CardContext, head: Block | null): Section {
  const { report, task, classes, m, fmt, esc, fig, metricName, metricValue, scalar } = ctx;
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
  return { id: 'metrics', title: esc(mt.title), blocks: metricsBlocks };
}

/** The columns that matter most to the model, with a chart. */
function importanceSection(ctx: CardContext): Section {
  const { report, task, m, fmt, esc, dec, int } = ctx;
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
  return { id: 'importance', title: esc(im.title), blocks: importanceBlocks };
}

/** The runs compared in "Make it fairer", on the remedy's attribute, the chosen one marked. */
function runsSection(ctx: CardContext, runs: NonNullable<ModelCardInput['runs']>): Section {
  const { report, m, esc, pct, dec, scalar } = ctx;
  const rn = m.runs;
  const attribute =
    report.mitigation?.attribute ??
    runs.find((r) => r.report.mitigation)?.report.mitigation?.attribute ??
    report.sensitive[0] ??
    '';
  const chosen = runs.find((r) => r.chosen);
  return {
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
  };
}

/** The whole card's content, every string from the user or their data escaped with `esc`. */
export function buildCard(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter, esc: Escape): Card {
  const { report, fields, runs } = input;
  const { dataset } = report;
  const ctx = cardContext(report, m, fmt, esc);
  const head = headline(ctx);
  const glance = glanceItems(ctx, head);
  const sections = [
    purposeSection(ctx, fields),
    dataSection(ctx, input.cleaning ?? []),
    modelSection(ctx),
    metricsSection(ctx, head),
    fairnessSection(ctx),
    importanceSection(ctx),
    proxiesSection(ctx),
    remedySection(ctx),
  ];
  if (runs && runs.length > 0) sections.push(runsSection(ctx, runs));

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
