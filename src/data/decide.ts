/**
 * What the data step's settings make of a parsed table, as pure functions shared by the page's analysis
 * (workers/dataSession.ts) and the training pipeline (pipeline/prepare.ts), so both decide alike: renames and
 * kind overrides, the cleaning steps, the target and its task, the sensitive groups, the model's inputs.
 */
import type { AppError } from '../core/result';
import { applySteps, type StepFit } from './clean';
import { columnAsKind } from './convert';
import { defaultEdges, groupsOf } from './groups';
import type { DataSettings, SensitiveChoice, TaskKind } from './settings';
import { classCounts, defaultPositiveClass, inferTask } from './target';
import type { Column, ColumnKind, ParsedTable, Table } from './types';

/** Classes listed for the "Positive class" choice; more than this cannot be a classification target anyway. */
const MAX_CLASSES_SENT = 60;

export interface TargetSummary {
  column: string;
  /** The most frequent values (at most 60), for the positive-class choice; empty for a regression target. */
  classes: { value: string; count: number }[];
  /** How many distinct values the target has (0 when not counted, for regression). */
  classCount: number;
  /** What the values suggest; null when the column cannot be a target (one class, too many classes). */
  inferredTask: TaskKind | null;
  /** The tasks this column can be: the choices the page offers. */
  allowedTasks: TaskKind[];
  task: TaskKind | null;
  positiveClass: string | null;
  problem?: AppError;
}

export interface SensitiveSummary extends SensitiveChoice {
  groups: string[];
  /** Set for a numeric attribute: the cut points in use (the user's or the defaults). */
  edges?: number[];
}

/** A chosen sensitive attribute that cannot be used: gone from the cleaned table, or too many groups. */
export interface SensitiveProblem {
  column: string;
  reason: 'missing' | 'too-many-groups';
  groups?: number;
}

/** A column left out of the model's inputs, and why. */
export interface LeftOutColumn {
  column: string;
  reason: 'target' | 'sensitive' | 'identifier' | 'text' | 'date';
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

export function findColumn(table: Table, name: string | null): Column | undefined {
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
  const problems: SensitiveProblem[] = [];
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

const LEFT_OUT_KINDS = new Set<ColumnKind>(['identifier', 'text', 'date']);

function modelColumns(table: Table, kinds: ColumnKind[], settings: DataSettings, sensitive: string[]) {
  const modelInputs: string[] = [];
  const leftOut: LeftOutColumn[] = [];
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

/**
 * Renames, kind overrides, then the cleaning steps: the table everything downstream works on. With `fits`
 * (another table's, see `applySteps`) every value a step computes (a median, a mode, quartile edges) is
 * taken from them: how a separate test file is cleaned exactly like the training file.
 */
export function cleanTable(
  parsed: Pick<ParsedTable, 'table' | 'kinds'>,
  settings: DataSettings,
  fits?: readonly (StepFit | null)[],
) {
  const chosen = applyColumnChoices(parsed, settings);
  const cleaned = applySteps(chosen.table, chosen.kinds, settings.steps, settings.sensitive, fits);
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
