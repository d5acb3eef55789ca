/**
 * What the app's file formats (project, model file) and downloads share: plain-object checks for JSON read
 * back from a file, the envelope every versioned file starts with, and file names made from a data set's.
 */

/** A JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Why a versioned file cannot be read as `format` version ≤ `current`, as AppError params; null if it can. */
export function envelopeProblem(
  value: unknown,
  format: string,
  current: number,
  otherReason: string,
): Record<string, string> | null {
  if (!isRecord(value) || value.format !== format) return { reason: otherReason };
  const { version } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { reason: 'damaged', part: 'version' };
  if (version > current) return { reason: 'newer-version', version: String(version) };
  return null;
}

/** A file name's stem, safe in any file system: `adult.csv` → `adult`, `my data (1).csv` → `my-data-1-`. */
export const fileStem = (name: string, fallback = 'dataset') =>
  name.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-') || fallback;
