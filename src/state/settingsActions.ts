/**
 * Pure updates of DataSettings. Settings refer to columns by name, so a rename must follow every reference.
 */
import type { ColumnKind } from '../data/types';
import {
  DEFAULT_SETTINGS,
  type CleaningStep,
  type DataSettings,
  type SensitiveChoice,
} from '../data/settings';

export function renameColumn(settings: DataSettings, index: number, from: string, to: string): DataSettings {
  const name = to.trim();
  const swap = (n: string) => (n === from ? name : n);
  const renames = { ...settings.renames };
  if (name) renames[index] = name;
  else delete renames[index];
  if (!name) return { ...settings, renames };
  const kindOverrides = Object.fromEntries(
    Object.entries(settings.kindOverrides).map(([k, v]) => [swap(k), v]),
  );
  return {
    ...settings,
    renames,
    kindOverrides,
    target: settings.target === null ? null : swap(settings.target),
    sensitive: settings.sensitive.map((s) => ({ ...s, column: swap(s.column) })),
    steps: settings.steps.map((s) => ({ ...s, column: swap(s.column) })),
  };
}

/** The column's single cleaning choice: replaces any earlier step on the same column (null removes it). */
export function setColumnStep(
  settings: DataSettings,
  column: string,
  step: CleaningStep | null,
): DataSettings {
  const others = settings.steps.filter((s) => s.column !== column);
  return { ...settings, steps: step ? [...others, step] : others };
}

export function setKind(settings: DataSettings, column: string, kind: ColumnKind): DataSettings {
  return { ...settings, kindOverrides: { ...settings.kindOverrides, [column]: kind } };
}

export function toggleSensitive(settings: DataSettings, column: string, on: boolean): DataSettings {
  const without = settings.sensitive.filter((s) => s.column !== column);
  return { ...settings, sensitive: on ? [...without, { column }] : without };
}

export function setSensitiveEdges(
  settings: DataSettings,
  column: string,
  edges: number[] | undefined,
): DataSettings {
  const sensitive = settings.sensitive.map((s): SensitiveChoice => {
    if (s.column !== column) return s;
    return edges ? { column, edges } : { column };
  });
  return { ...settings, sensitive };
}

export function setTarget(settings: DataSettings, target: string | null): DataSettings {
  return {
    ...settings,
    target,
    positiveClass: null,
    task: null,
    // A column cannot be both what we predict and a group we protect.
    sensitive: settings.sensitive.filter((s) => s.column !== target),
  };
}

/** Settings for a freshly loaded file: the reading options that produced it, everything else fresh. */
export function settingsForNewFile(
  parse: DataSettings['parse'],
  preset?: Partial<DataSettings>,
): DataSettings {
  return { ...DEFAULT_SETTINGS, ...preset, parse };
}
