/** What the card's sections share: the report at hand, and its figures and names written out, escaped. */
import type { ModelCardMessages } from '../i18n/en.card';
import type { Formatter } from '../i18n/format';
import type { AuditEntry, BinaryAuditEntry } from '../pipeline/audit';
import type { Block, Escape } from './cardContent';
import type { Figure, Report } from './report';

export const isBinaryEntry = (e: AuditEntry): e is BinaryAuditEntry => 'demographicParityDifference' in e;

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
export const BASELINE_OF: Record<string, string> = { accuracy: 'baselineAccuracy', rmse: 'baselineRmse' };

/** At most `n` characters, with an ellipsis when cut (for chart labels; tables show the whole label). */
export const shorten = (text: string, n: number) => (text.length <= n ? text : `${text.slice(0, n - 1)}…`);

export type CardContext = ReturnType<typeof cardContext>;

/** The report and the helpers that write its figures, names and labels for the page, escaped with `esc`. */
export function cardContext(report: Report, m: ModelCardMessages, fmt: Formatter, esc: Escape) {
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
  const positive = report.positiveClass ?? classes[classes.length - 1] ?? '';
  return {
    report,
    task,
    classes,
    m,
    fmt,
    esc,
    fig,
    pct,
    dec,
    qty,
    int,
    metricValue,
    metricName,
    scalar,
    modelName,
    positive,
  };
}

/** The headline figure against the baseline: accuracy (classification) or RMSE (regression, lower is better). */
export function headline(ctx: CardContext): Block | null {
  const { report, task, m, scalar, metricName, metricValue } = ctx;
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
}

/** The binary audit entry for `attribute`, if any. */
export const entryOf = (
  fairness: AuditEntry[] | undefined,
  attribute: string,
): BinaryAuditEntry | undefined =>
  (fairness ?? []).filter(isBinaryEntry).find((e) => e.attribute === attribute);
