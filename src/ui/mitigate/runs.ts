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
  /** The attribute the remedy protects (a plain run: the attribute the comparison looks at). */
  attribute: string;
  report: Report;
  accuracy: number | null;
  auc: number | null;
  dp: number | null;
  eop: number | null;
  eodds: number | null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A run's name in the comparison: the remedy and its settings, or "Plain model". */
export function runName(m: Messages, mitigation: MitigationRequest | undefined, report: Report): string {
  const t = m.mitigate;
  if (!mitigation) return t.runName.plain;
  const name = t.methods[mitigation.method].name;
  const applied = report.mitigation?.options;
  if (mitigation.method === 'penalty' && applied?.lambda !== undefined)
    return t.runName.withLambda(name, String(applied.lambda));
  return name;
}

/** The finished binary runs with their figures for `attribute` (each remedy: for the attribute it protects). */
export function comparedRuns(m: Messages, runs: readonly TrainingRun[], attribute: string): ComparedRun[] {
  return runs.flatMap((run) => {
    if (run.status !== 'done' || !run.outcome || run.outcome.report.task !== 'binary') return [];
    const report = reportOfRun(run, run.outcome);
    const protectedAttribute = report.mitigation?.attribute ?? attribute;
    const entry = report.fairness?.find((e) => e.attribute === protectedAttribute) as
      BinaryAuditEntry | undefined;
    return [
      {
        id: run.id,
        name: runName(m, run.mitigation, report),
        model: m.train.models[report.model.kind].name,
        attribute: protectedAttribute,
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
