import { isRecord } from '../core/files';
import type { ColumnKind, ParseOptions } from './types';

/**
 * Everything the user chose in the data step, as plain serialisable data. It is stored in IndexedDB, sent to
 * the worker, and saved in project and model files, so it references columns by name, never by object.
 */

export type TaskKind = 'binary' | 'multiclass' | 'regression';

/** A cleaning step. Steps run in order; each sees the table the previous one produced. */
export type CleaningStep =
  /** Leave the column out of everything downstream. */
  | { type: 'exclude'; column: string }
  /** Fill missing values with the column's median (numbers), most frequent value, or a given constant. */
  | { type: 'impute'; column: string; strategy: 'median' | 'mode' | 'constant'; value?: string }
  /** Remove every row where this column is missing. */
  | { type: 'drop-missing'; column: string }
  /** Replace a number by the group it falls in; `edges` are ascending cut points (see groups.ts). */
  | { type: 'bin'; column: string; edges: number[] };

/** A sensitive attribute. A numeric one is cut into groups at `edges` (ascending); absent means defaults. */
export interface SensitiveChoice {
  column: string;
  edges?: number[];
}

export interface DataSettings {
  parse: ParseOptions;
  /** New names by original column position, for headerless files or unclear headers. */
  renames: Record<number, string>;
  /** Kinds the user changed, by column name. */
  kindOverrides: Record<string, ColumnKind>;
  steps: CleaningStep[];
  target: string | null;
  /** For a classification target: the outcome of interest (for example ">50K"). Null means the default. */
  positiveClass: string | null;
  /** Null means inferred from the target column. */
  task: TaskKind | null;
  sensitive: SensitiveChoice[];
  /** Sensitive attributes are left out of the model's inputs unless this is on. */
  includeSensitiveInModel: boolean;
}

export const DEFAULT_SETTINGS: DataSettings = {
  parse: {},
  renames: {},
  kindOverrides: {},
  steps: [],
  target: null,
  positiveClass: null,
  task: null,
  sensitive: [],
  includeSensitiveInModel: false,
};

const STEP_TYPES = ['exclude', 'impute', 'drop-missing', 'bin'];
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';

/**
 * True when `value` is not shaped like `DataSettings` (a project or model file that was damaged or edited):
 * the fields every later step reads without checking again.
 */
export function settingsDamage(value: unknown): boolean {
  if (!isRecord(value)) return true;
  const { parse, renames, kindOverrides, steps, sensitive } = value;
  if (!isRecord(parse) || !isRecord(renames) || !isRecord(kindOverrides)) return true;
  if (!Object.values(renames).every((v) => typeof v === 'string')) return true;
  if (!Array.isArray(steps) || !Array.isArray(sensitive)) return true;
  for (const step of steps)
    if (!isRecord(step) || !STEP_TYPES.includes(step.type as string) || typeof step.column !== 'string')
      return true;
  for (const choice of sensitive) if (!isRecord(choice) || typeof choice.column !== 'string') return true;
  if (!stringOrNull(value.target) || !stringOrNull(value.positiveClass)) return true;
  if (value.task !== null && !['binary', 'multiclass', 'regression'].includes(value.task as string))
    return true;
  return typeof value.includeSensitiveInModel !== 'boolean';
}
