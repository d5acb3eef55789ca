/**
 * The data step's computation, free of any messaging so it runs the same in the worker and in Node tests:
 * a parsed table plus the user's settings in, an Analysis (profiles, cleaning effects, target, groups and the
 * bias in the data) out. The worker (data.worker.ts) only routes messages to it.
 */
import { fail, ok, type Result } from '../core/result';
import { cleanTable, decideModelling, findColumn, type TargetSummary } from '../data/decide';
import { profileTable } from '../data/profile';
import type { DataSettings } from '../data/settings';
import { outcomeVector } from '../data/target';
import type { ParsedTable, Table } from '../data/types';
import { meanByGroup, outcomeRatesByGroup, type AttributeBias } from '../fairness/dataBias';
import type { Analysis, LoadedSummary } from './protocol';

export function summarise(name: string, parsed: ParsedTable): LoadedSummary {
  return {
    name,
    report: parsed.report,
    columns: parsed.table.columns.map((c, i) => ({ name: c.name, kind: parsed.kinds[i] })),
    preview: parsed.preview,
  };
}

function dataBias(
  table: Table,
  target: TargetSummary | null,
  groups: ReturnType<typeof decideModelling>['sensitive']['groups'],
) {
  const column = target && findColumn(table, target.column);
  if (!column || !target?.task) return [];
  const outcome = outcomeVector(column, target.task, target.positiveClass);
  const bias: AttributeBias[] = [];
  for (const { summary, codes } of groups) {
    const rates =
      target.task === 'regression'
        ? meanByGroup(summary.column, codes, summary.groups, outcome)
        : outcomeRatesByGroup(summary.column, codes, summary.groups, outcome);
    if (rates) bias.push(rates);
  }
  return bias;
}

export function analyse(parsed: ParsedTable, settings: DataSettings): Result<Analysis> {
  try {
    const { chosen, cleaned } = cleanTable(parsed, settings);
    const decided = decideModelling(cleaned.table, cleaned.kinds, settings);
    return ok({
      rowCount: cleaned.table.rowCount,
      allColumns: chosen.table.columns.map((c) => c.name),
      kinds: Object.fromEntries(chosen.table.columns.map((c, i) => [c.name, chosen.kinds[i]])),
      unparsable: chosen.unparsable,
      profiles: profileTable(cleaned.table, cleaned.kinds),
      effects: cleaned.effects,
      target: decided.target,
      sensitive: decided.sensitive.groups.map((g) => g.summary),
      sensitiveProblems: decided.sensitive.problems,
      bias: dataBias(cleaned.table, decided.target, decided.sensitive.groups),
      modelInputs: decided.modelInputs,
      leftOut: decided.leftOut,
    });
  } catch (error) {
    return fail('internal', { detail: error instanceof Error ? error.message : String(error) });
  }
}
