/** The card's sections about fairness: the audit per attribute, the proxies and the remedy applied. */
import { fairnessFinding } from '../fairness/findings';
import { AUDIT_DISPARITIES, type BinaryAuditEntry } from '../pipeline/audit';
import { CARD_PROXIES_TOP, type Block, type Section } from './cardContent';
import { entryOf, isBinaryEntry, shorten, type CardContext } from './cardContext';

const TABLE_RATES = ['baseRate', 'selectionRate', 'tpr', 'fpr'] as const;

/** The one-line fairness verdict for the "at a glance" list, or null when the audit has none. */
export function fairnessVerdict(ctx: CardContext, entry: BinaryAuditEntry): string | null {
  const { m, esc } = ctx;
  const finding = fairnessFinding(entry);
  if (!finding || finding.passesFourFifths === null) return null;
  const t = m.fairness;
  const verdict = esc(finding.passesFourFifths ? t.glancePasses : t.glanceFails);
  const violated = finding.violated.map((v) => esc(t.definitions[v] ?? v)).join(ctx.m.listSeparator);
  return m.glanceFair(esc(entry.attribute), verdict + (violated ? t.glanceViolated(violated) : ''));
}

/** "Is it fair": per sensitive attribute, the findings, a chart and the tables of rates and disparities. */
export function fairnessSection(ctx: CardContext): Section {
  const { report, task, m, fmt, esc, pct, dec, qty, int, positive } = ctx;
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
          ? f.violated(violated.map((v) => esc(f.definitions[v] ?? v)).join(ctx.m.listSeparator))
          : esc(f.noneViolated),
      tone: violated.length > 0 ? 'fail' : 'pass',
    });
    out.push({ kind: 'p', text: esc(f.toleranceNote), tone: 'muted' });
    if (smallGroups.length > 0)
      out.push({
        kind: 'p',
        text: f.smallGroups(smallGroups.map(esc).join(ctx.m.listSeparator)),
        tone: 'warn',
      });
    if (entry.groupsWithUndefinedRate.length > 0)
      out.push({
        kind: 'p',
        text: f.undefinedGroups(entry.groupsWithUndefinedRate.map(esc).join(ctx.m.listSeparator)),
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
        rows: AUDIT_DISPARITIES.map(([key, ideal]) => [
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
  return { id: 'fairness', title: esc(f.title), blocks: fairnessBlocks };
}

/** The columns that could stand in for each sensitive attribute, strongest first. */
export function proxiesSection(ctx: CardContext): Section {
  const { report, m, esc, pct } = ctx;
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
  return { id: 'proxies', title: esc(px.title), blocks: proxyBlocks };
}

/** The remedy applied to this run, its settings, and the figures before and after. */
export function remedySection(ctx: CardContext): Section {
  const { report, task, m, fmt, esc, pct, dec, int, metricName, metricValue, scalar } = ctx;
  const f = m.fairness;
  const mt = m.metrics;
  const mi = m.mitigation;
  const mitigation = report.mitigation ?? null;
  const mitigationBlocks: Block[] = [];
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
              value: o.dropped.length > 0 ? o.dropped.map(esc).join(ctx.m.listSeparator) : esc(m.none),
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
  return { id: 'mitigation', title: esc(mi.title), blocks: mitigationBlocks };
}
