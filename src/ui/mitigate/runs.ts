/**
 * The comparison's view of the finished runs: each run's name and figures at the threshold set for it
 * (binary classification), and the baseline a remedy is compared with. Kept out of the components so the
 * table, the chart and the export read the same figures.
 */
import type { Messages } from '../../i18n';
import type { BinaryAuditEntry } from '../../pipeline/audit';
import type { MitigationRequest } from '../../pipeline/mitigation';
import type { Report } from '../../report/report';
import type { TrainingRun } from '../../state/training';
import { reportOfRun } from '../results/live';

export interface ComparedRun {
  id: string;
  name: string;
  model: string;
  /** The attribute the remedy protects; null for a plain run. */
  protects: string | null;
  report: Report;
  accuracy: number | null;
  auc: number | null;
  dp: number | null;
  eop: number | null;
  eodds: number | null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * A run's name in the comparison: the remedy and what it aimed at (the goal of the penalty and the
 * thresholds, λ), or "Plain model".
 */
export function runName(m: Messages, mitigation: MitigationRequest | undefined, report: Report): string {
  const t = m.mitigate;
  if (!mitigation) return t.runName.plain;
  const name = t.methods[mitigation.method].name;
  const applied = report.mitigation?.options;
  const goal = applied?.fairness ? t.goalShort[applied.fairness] : null;
  if (mitigation.method === 'penalty' && applied?.lambda !== undefined && goal)
    return t.runName.penalty(name, goal, String(applied.lambda));
  if (goal) return t.runName.withGoal(name, goal);
  return name;
}

/**
 * The finished binary runs with their figures for `attribute`, the same attribute for every run so the
 * points share their axis (a remedy that protected another attribute is judged here by this one too).
 * Runs with the same name are numbered ("Plain model (2)").
 */
export function comparedRuns(m: Messages, runs: readonly TrainingRun[], attribute: string): ComparedRun[] {
  const seen = new Map<string, number>();
  return runs.flatMap((run) => {
    if (run.status !== 'done' || !run.outcome || run.outcome.report.task !== 'binary') return [];
    const report = reportOfRun(run, run.outcome);
    const entry = report.fairness?.find((e) => e.attribute === attribute) as BinaryAuditEntry | undefined;
    const base = runName(m, run.mitigation, report);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return [
      {
        id: run.id,
        name: count > 1 ? `${base} (${count})` : base,
        model: m.train.models[report.model.kind].name,
        protects: report.mitigation?.attribute ?? null,
        report,
        accuracy: num(report.metrics.accuracy),
        auc: num(report.metrics.rocAuc),
        dp: num(entry?.demographicParityDifference),
        eop: num(entry?.equalOpportunityDifference),
        eodds: num(entry?.equalizedOddsDifference),
      },
    ];
  });
}
