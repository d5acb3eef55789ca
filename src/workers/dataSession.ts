/**
 * The data step's computation, free of any messaging so it runs the same in the worker and in Node tests:
 * a parsed table plus the user's settings in, an Analysis (profiles, cleaning effects, target, groups and the
 * bias in the data) out. The worker (data.worker.ts) only routes messages to it.
 */
import { fail, ok, type AppError, type Result } from '../core/result';
import { applySteps } from '../data/clean';
import { columnAsKind } from '../data/convert';
import { defaultEdges, groupsOf } from '../data/groups';
import { profileTable } from '../data/profile';
import type { DataSettings, SensitiveChoice, TaskKind } from '../data/settings';
import { classCounts, defaultPositiveClass, inferTask, outcomeVector } from '../data/target';
import type { Column, ColumnKind, ParsedTable, Table } from '../data/types';
import { meanByGroup, outcomeRatesByGroup, type AttributeBias } from '../fairness/dataBias';
import type { Analysis, LoadedSummary, SensitiveSummary, TargetSummary } from './protocol';

/** Classes listed for the "Positive class" choice; more than this cannot be a classification target anyway. */
const MAX_CLASSES_SENT = 60;

export function summarise(name: string, parsed: ParsedTable): LoadedSummary {
  return {
    name,
    report: parsed.report,
    columns: parsed.table.columns.map((c, i) => ({ name: c.name, kind: parsed.kinds[i] })),
    preview: parsed.preview,
  };
}

/** Renames and kind overrides: the table as the user sees it, before any cleaning step. */
export function applyColumnChoices(parsed: Pick<ParsedTable, 'table' | 'kinds'>, settings: DataSettings) {
  const unparsable: Record<string, number> = {};
  const kinds: ColumnKind[] = [];
  const columns: Column[] = parsed.table.columns.map((original, i) => {
    const renamed = settings.renames[i]?.trim();
    let column: Column = renamed ? { ...original, name: renamed } : original;
    const override = settings.kindOverrides[column.name];
    if (override && override !== parsed.kinds[i]) {
      const converted = columnAsKind(column, override);
      column = converted.column;
      if (converted.unparsable > 0) unparsable[column.name] = converted.unparsable;
    }
    kinds.push(override ?? parsed.kinds[i]);
    return column;
  });
  return { table: { rowCount: parsed.table.rowCount, columns } as Table, kinds, unparsable };
}

function findColumn(table: Table, name: string | null): Column | undefined {
  return name === null ? undefined : table.columns.find((c) => c.name === name);
}

/** A target the settings name but the cleaned table lacks (left out by a step, or renamed). */
function missingTarget(name: string): TargetSummary {
  const problem = { code: 'target-missing' as const, params: { column: name } };
  return {
    column: name,
    classes: [],
    classCount: 0,
    inferredTask: null,
    task: null,
    allowedTasks: [],
    positiveClass: null,
    problem,
  };
}

/**
 * Yes/no always (the positive class against the rest); several classes when the values allow; regression
 * only for a numeric column (after cleaning: a binned target is a category).
 */
function allowedTasksFor(kind: ColumnKind, inferred: TaskKind | null, classCount: number): TaskKind[] {
  if (inferred === null) return [];
  const tasks: TaskKind[] = ['binary'];
  if (inferred === 'multiclass' || (classCount >= 3 && classCount <= MAX_CLASSES_SENT))
    tasks.push('multiclass');
  if (kind === 'numeric') tasks.push('regression');
  return tasks;
}

function targetProblem(column: string, classCount: number): AppError {
  const code =
    classCount === 0 ? 'target-empty' : classCount < 2 ? 'target-one-class' : 'target-too-many-classes';
  return { code, params: { column, classes: classCount } };
}

function summariseTarget(table: Table, kinds: ColumnKind[], settings: DataSettings): TargetSummary | null {
  if (settings.target === null) return null;
  const column = findColumn(table, settings.target);
  if (!column) return missingTarget(settings.target);
  const kind = kinds[table.columns.indexOf(column)];
  const inferredTask = inferTask(column, kind);
  let task = inferredTask === null ? null : (settings.task ?? inferredTask);
  // A regression target has no classes to list (a million distinct numbers would flood the page).
  let allClasses = task === 'regression' ? [] : classCounts(column);
  const allowedTasks = allowedTasksFor(kind, inferredTask, allClasses.length);
  if (task !== null && !allowedTasks.includes(task)) {
    task = inferredTask; // the chosen task no longer fits the column (e.g. regression after binning it)
    if (task !== 'regression' && allClasses.length === 0) allClasses = classCounts(column);
  }
  const classes = allClasses.slice(0, MAX_CLASSES_SENT);
  const summary: TargetSummary = {
    column: column.name,
    classes,
    classCount: allClasses.length,
    inferredTask,
    task,
    allowedTasks,
    positiveClass: null,
  };
  if (inferredTask === null) summary.problem = targetProblem(column.name, allClasses.length);
  if (task === 'binary' || task === 'multiclass') {
    const chosen = settings.positiveClass;
    summary.positiveClass =
      chosen && classes.some((c) => c.value === chosen) ? chosen : defaultPositiveClass(classes);
  }
  return summary;
}

/** Above this many groups a sensitive attribute is refused: its chart and rates would be unreadable. */
const MAX_GROUPS = 30;

/** Groups of one sensitive attribute: a numeric column cut at its edges, any other kind by value. */
function groupsFor(column: Column, kind: ColumnKind, choice: SensitiveChoice) {
  if (column.storage === 'number' && kind === 'numeric') {
    const edges = choice.edges ?? defaultEdges(column.values);
    return { ...groupsOf(column, edges), edges };
  }
  // A 0/1 column meant as yes/no (or a numeric code) is grouped by its values, not into ranges.
  const byValue = column.storage === 'number' ? columnAsKind(column, 'categorical').column : column;
  return { ...groupsOf(byValue), edges: undefined };
}

function summariseSensitive(
  table: Table,
  kinds: ColumnKind[],
  choices: SensitiveChoice[],
  target: string | null,
) {
  const groups: { summary: SensitiveSummary; codes: Int32Array }[] = [];
  const problems: Analysis['sensitiveProblems'] = [];
  for (const choice of choices) {
    const index = table.columns.findIndex((c) => c.name === choice.column);
    if (index < 0) problems.push({ column: choice.column, reason: 'missing' });
    if (index < 0 || choice.column === target) continue;
    const { codes, labels, edges } = groupsFor(table.columns[index], kinds[index], choice);
    if (labels.length > MAX_GROUPS) {
      problems.push({ column: choice.column, reason: 'too-many-groups', groups: labels.length });
      continue;
    }
    groups.push({ summary: { column: choice.column, groups: labels, ...(edges ? { edges } : {}) }, codes });
  }
  return { groups, problems };
}

function dataBias(
  table: Table,
  target: TargetSummary | null,
  groups: ReturnType<typeof summariseSensitive>['groups'],
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

const LEFT_OUT_KINDS = new Set<ColumnKind>(['identifier', 'text', 'date']);

function modelColumns(table: Table, kinds: ColumnKind[], settings: DataSettings, sensitive: string[]) {
  const modelInputs: string[] = [];
  const leftOut: Analysis['leftOut'] = [];
  table.columns.forEach((column, i) => {
    const kind = kinds[i];
    if (column.name === settings.target) leftOut.push({ column: column.name, reason: 'target' });
    else if (sensitive.includes(column.name) && !settings.includeSensitiveInModel)
      leftOut.push({ column: column.name, reason: 'sensitive' });
    else if (LEFT_OUT_KINDS.has(kind)) leftOut.push({ column: column.name, reason: kind as 'identifier' });
    else modelInputs.push(column.name);
  });
  return { modelInputs, leftOut };
}

/** Renames, kind overrides, then the cleaning steps: the table everything downstream works on. */
export function cleanTable(parsed: Pick<ParsedTable, 'table' | 'kinds'>, settings: DataSettings) {
  const chosen = applyColumnChoices(parsed, settings);
  const cleaned = applySteps(chosen.table, chosen.kinds, settings.steps, settings.sensitive);
  return { chosen, cleaned };
}

/**
 * What the settings make of a cleaned table: the target and its task, the sensitive groups, and the model's
 * input columns. Shared by the data step's analysis and the training pipeline, so both decide alike.
 */
export function decideModelling(table: Table, kinds: ColumnKind[], settings: DataSettings) {
  const target = summariseTarget(table, kinds, settings);
  const sensitive = summariseSensitive(table, kinds, settings.sensitive, settings.target);
  const sensitiveNames = sensitive.groups.map((g) => g.summary.column);
  return { target, sensitive, ...modelColumns(table, kinds, settings, sensitiveNames) };
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
