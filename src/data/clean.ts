import { codeCounts, formatNumber, parseNumber, sortedNonMissing } from './convert';
import { binColumn, defaultEdges, groupsOf } from './groups';
import type { CleaningStep, SensitiveChoice } from './settings';
import type { CategoryColumn, Column, ColumnKind, NumberColumn, Table } from './types';

/**
 * The cleaning steps the user lined up, applied in order, with an account of what each did: rows and cells
 * it touched, and how many rows of each sensitive group it removed, because dropping rows with missing
 * values often removes one group far more than another. Input arrays are never mutated: a changed column
 * is a new column, an unchanged one is shared.
 */

export type StepProblem = 'missing-column' | 'not-numeric' | 'bad-constant';

export interface GroupRemoval {
  attribute: string;
  groups: { group: string; before: number; removed: number }[];
}

export interface StepEffect {
  step: CleaningStep;
  rowsBefore: number;
  rowsAfter: number;
  /** Cells given a new value: filled by 'impute', or every non-missing cell of a binned column. */
  cellsChanged: number;
  problem?: StepProblem;
  /** Per sensitive attribute; filled only for 'drop-missing', empty for steps that keep every row. */
  removedByGroup: GroupRemoval[];
}

/**
 * What a step computed from the table it ran on: the median or most frequent value an 'impute' step filled
 * in (null when every value was missing, so it filled nothing), or the edges a 'bin' step cut at. Handed
 * back to `applySteps`, these clean another table (a separate test file) exactly as the first one was
 * cleaned, without computing anything from the other table itself.
 */
export type StepFit = { fill: number | string | null } | { edges: number[] };

interface State {
  table: Table;
  kinds: ColumnKind[];
}

interface Outcome {
  state: State;
  cellsChanged: number;
  problem?: StepProblem;
  kept?: Int32Array;
  fit?: StepFit;
}

/** The label used for rows whose sensitive value is missing. */
export const MISSING_GROUP = 'missing';

function isMissing(column: Column, row: number): boolean {
  return column.storage === 'number' ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
}

function replaceColumn(state: State, index: number, column: Column, kind: ColumnKind): State {
  const columns = state.table.columns.slice();
  const kinds = state.kinds.slice();
  columns[index] = column;
  kinds[index] = kind;
  return { table: { rowCount: state.table.rowCount, columns }, kinds };
}

/** The most frequent value of a number column; ties go to the smallest. NaN when all are missing. */
function numberMode(values: Float64Array): number {
  const sorted = sortedNonMissing(values);
  let best = NaN;
  let bestCount = 0;
  for (let i = 0, run = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] ? run + 1 : 1;
    if (run > bestCount) [best, bestCount] = [sorted[i], run];
  }
  return best;
}

function numberMedian(values: Float64Array): number {
  const sorted = sortedNonMissing(values);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** The code of the most frequent category; ties go to the value first in code-unit order. -1 if none. */
function categoryMode(column: CategoryColumn): number {
  const counts = codeCounts(column);
  let best = -1;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    const better = best < 0 || counts[c] > counts[best];
    const tieWon = best >= 0 && counts[c] === counts[best] && column.dictionary[c] < column.dictionary[best];
    if (better || tieWon) best = c;
  }
  return best;
}

function fillNumbers(column: NumberColumn, fill: number): { column: NumberColumn; filled: number } {
  // A fill of NaN means there was nothing to take a median or mode of: every cell is missing.
  if (Number.isNaN(fill)) return { column, filled: 0 };
  const values = column.values.slice();
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      values[i] = fill;
      filled++;
    }
  }
  return filled === 0 ? { column, filled } : { column: { ...column, values }, filled };
}

function fillCategories(column: CategoryColumn, value: string): { column: CategoryColumn; filled: number } {
  let code = column.dictionary.indexOf(value);
  const dictionary = code >= 0 ? column.dictionary : [...column.dictionary, value];
  if (code < 0) code = column.dictionary.length;
  const codes = column.codes.slice();
  let filled = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) {
      codes[i] = code;
      filled++;
    }
  }
  return filled === 0 ? { column, filled } : { column: { ...column, codes, dictionary }, filled };
}

/** The fill a median or mode step computed on another table; undefined when there is none to reuse. */
function fittedFill(fit: StepFit | undefined): number | string | null | undefined {
  return fit && 'fill' in fit ? fit.fill : undefined;
}

function impute(
  state: State,
  index: number,
  step: Extract<CleaningStep, { type: 'impute' }>,
  given: StepFit | undefined,
): Outcome {
  const column = state.table.columns[index];
  const kind = state.kinds[index];
  const constant = (step.value ?? '').trim();
  // A fill computed on another table is reused; one taken from numbers there fills categories here as its
  // text, and the other way round (a test file can type a column differently).
  const reused = step.strategy === 'constant' ? undefined : fittedFill(given);
  if (column.storage === 'number') {
    let fill: number;
    if (step.strategy === 'constant') fill = parseNumber(constant);
    else if (reused !== undefined) fill = typeof reused === 'string' ? parseNumber(reused) : (reused ?? NaN);
    else fill = step.strategy === 'median' ? numberMedian(column.values) : numberMode(column.values);
    if (step.strategy === 'constant' && Number.isNaN(fill)) {
      return { state, cellsChanged: 0, problem: 'bad-constant' };
    }
    const { column: filledColumn, filled } = fillNumbers(column, fill);
    const next = replaceColumn(state, index, filledColumn, kind);
    if (step.strategy === 'constant') return { state: next, cellsChanged: filled };
    return { state: next, cellsChanged: filled, fit: { fill: Number.isNaN(fill) ? null : fill } };
  }
  // Categories have no median; the most frequent value is the closest "typical" value.
  let value: string;
  if (step.strategy === 'constant') {
    // Dictionary entries are trimmed and an empty string would read as missing, so refuse it.
    if (constant === '') return { state, cellsChanged: 0, problem: 'bad-constant' };
    value = constant;
  } else if (reused !== undefined) {
    if (reused === null) return { state, cellsChanged: 0, fit: { fill: null } };
    value = typeof reused === 'number' ? formatNumber(reused) : reused;
  } else {
    const code = categoryMode(column);
    if (code < 0) return { state, cellsChanged: 0, fit: { fill: null } };
    value = column.dictionary[code];
  }
  const { column: filledColumn, filled } = fillCategories(column, value);
  const next = replaceColumn(state, index, filledColumn, kind);
  if (step.strategy === 'constant') return { state: next, cellsChanged: filled };
  return { state: next, cellsChanged: filled, fit: { fill: value } };
}

function gather(column: Column, kept: Int32Array): Column {
  if (column.storage === 'number') {
    const values = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) values[i] = column.values[kept[i]];
    return { ...column, values };
  }
  const codes = new Int32Array(kept.length);
  for (let i = 0; i < kept.length; i++) codes[i] = column.codes[kept[i]];
  return { ...column, codes };
}

function dropMissing(state: State, index: number): Outcome {
  const { table } = state;
  const column = table.columns[index];
  const rows = new Int32Array(table.rowCount);
  let count = 0;
  for (let r = 0; r < table.rowCount; r++) if (!isMissing(column, r)) rows[count++] = r;
  const kept = rows.subarray(0, count);
  if (count === table.rowCount) return { state, cellsChanged: 0, kept };
  const columns = table.columns.map((c) => gather(c, kept));
  return { state: { table: { rowCount: count, columns }, kinds: state.kinds }, cellsChanged: 0, kept };
}

function run(state: State, step: CleaningStep, given: StepFit | undefined): Outcome {
  const index = state.table.columns.findIndex((c) => c.name === step.column);
  if (index < 0) return { state, cellsChanged: 0, problem: 'missing-column' };
  const column = state.table.columns[index];
  switch (step.type) {
    case 'exclude': {
      const keep = (_: unknown, i: number) => i !== index;
      const table = { rowCount: state.table.rowCount, columns: state.table.columns.filter(keep) };
      return { state: { table, kinds: state.kinds.filter(keep) }, cellsChanged: 0 };
    }
    case 'impute':
      return impute(state, index, step, given);
    case 'drop-missing':
      return dropMissing(state, index);
    case 'bin': {
      if (column.storage !== 'number') return { state, cellsChanged: 0, problem: 'not-numeric' };
      // Edges come from saved settings; sort and de-duplicate so a hand-edited file cannot mislabel rows.
      // No edges yet (the user has just picked "group into ranges") means the quartile defaults, or the
      // edges this step cut another table at.
      const saved = [...new Set(step.edges.filter(Number.isFinite))].sort((a, b) => a - b);
      const fitted = given && 'edges' in given ? given.edges : undefined;
      const edges = saved.length > 0 ? saved : (fitted ?? defaultEdges(column.values));
      const binned = binColumn(column, edges);
      const changed = binned.codes.reduce((n, code) => (code >= 0 ? n + 1 : n), 0);
      const next = replaceColumn(state, index, binned, 'categorical');
      return { state: next, cellsChanged: changed, fit: { edges } };
    }
  }
}

/** Rows of each group before a row-dropping step, and how many of them `kept` left out. */
function removals(table: Table, sensitive: SensitiveChoice[], kept: Int32Array): GroupRemoval[] {
  const out: GroupRemoval[] = [];
  for (const choice of sensitive) {
    const column = table.columns.find((c) => c.name === choice.column);
    if (!column) continue;
    const { codes, labels } = groupsOf(column, choice.edges);
    // The last slot counts missing values, so -1 needs no branch.
    const before = new Int32Array(labels.length + 1);
    const after = new Int32Array(labels.length + 1);
    const slot = (code: number) => (code < 0 ? labels.length : code);
    for (let r = 0; r < table.rowCount; r++) before[slot(codes[r])]++;
    for (let i = 0; i < kept.length; i++) after[slot(codes[kept[i]])]++;
    const groups = [...labels, MISSING_GROUP]
      .map((group, g) => ({ group, before: before[g], removed: before[g] - after[g] }))
      .filter((g) => g.before > 0);
    out.push({ attribute: choice.column, groups });
  }
  return out;
}

/**
 * Runs `steps` in order on `table` (whose column kinds are `kinds`). A step naming a column that an earlier
 * step removed, or that never existed, reports 'missing-column' and changes nothing. Sensitive groups are
 * taken from the table as it was just before each step, numbers cut at the choice's edges (or defaults).
 *
 * `fits` lists, step by step, what each step computed (see `StepFit`; null for a step that computed
 * nothing). Passing the `fits` of one run as `given` makes every step reuse those values instead of
 * computing them on `table`: how a test file is cleaned with the training file's medians, modes and edges.
 */
export function applySteps(
  table: Table,
  kinds: ColumnKind[],
  steps: CleaningStep[],
  sensitive: SensitiveChoice[],
  given?: readonly (StepFit | null)[],
): { table: Table; kinds: ColumnKind[]; effects: StepEffect[]; fits: (StepFit | null)[] } {
  let state: State = { table, kinds };
  const effects: StepEffect[] = [];
  const fits: (StepFit | null)[] = [];
  for (const [i, step] of steps.entries()) {
    const outcome = run(state, step, given?.[i] ?? undefined);
    const effect: StepEffect = {
      step,
      rowsBefore: state.table.rowCount,
      rowsAfter: outcome.state.table.rowCount,
      cellsChanged: outcome.cellsChanged,
      removedByGroup: outcome.kept ? removals(state.table, sensitive, outcome.kept) : [],
    };
    if (outcome.problem) effect.problem = outcome.problem;
    effects.push(effect);
    fits.push(outcome.fit ?? null);
    state = outcome.state;
  }
  return { table: state.table, kinds: state.kinds, effects, fits };
}
