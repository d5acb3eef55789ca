/**
 * `npm run cli -- --csv FILE --target COL …`: loads a CSV file, cleans it with the default settings, trains
 * and evaluates a model with the app's own pipeline (src/pipeline/train.ts) and prints a summary; with
 * `--out` it writes the JSON report (docs/report-schema.md). User mistakes (a missing file or column, a
 * bad flag) print one line and exit with code 1, never a stack trace.
 */
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Result } from '../core/result';
import { parseCsv } from '../data/parse';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { ParsedTable } from '../data/types';
import { runPipeline } from '../pipeline/train';
import type { PipelineProgress } from '../pipeline/types';
import type { MitigationRequest } from '../pipeline/mitigation';
import { buildReport, exportedReport } from '../report/report';
import { explainRun } from '../explain/run';
import { analyse } from '../workers/dataSession';
import type { Analysis } from '../workers/protocol';
import { parseArgs, USAGE, type CliOptions } from './args';
import { describeParseError, describePipelineError } from './messages';
import { buildModelFile } from '../pipeline/modelFile';
import { scoreCommand } from './score';
import { formatComparison, formatSummary } from './summary';

type Outcome<T> = Result<T, string>;
const userError = (message: string): Outcome<never> => ({ ok: false, reason: message });

/** Reads and parses a CSV file; a missing or unreadable file is a user error. */
async function load(file: string, noHeader: boolean): Promise<Outcome<ParsedTable>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return userError(`Cannot read ${file}: no such file.`);
    if (code === 'EISDIR') return userError(`Cannot read ${file}: it is a folder, not a file.`);
    return userError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = await parseCsv(bytes, noHeader ? { hasHeader: false } : {});
  return parsed.ok ? parsed : userError(describeParseError(file, parsed.reason));
}

/** Checks before training that the report can be written, so a typo in `--out` does not waste a run. */
async function checkWritable(file: string): Promise<string | null> {
  const folder = dirname(resolve(file));
  try {
    await access(folder, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `Cannot write ${file}: the folder ${folder} does not exist.`
      : `Cannot write ${file}: the folder ${folder} is not writable.`;
  }
}

/** Column names for an error message: all of them, or the first 30 and how many more. */
function columnList(names: string[]): string {
  const shown = names.slice(0, 30).map((n) => `"${n}"`);
  return names.length > 30 ? `${shown.join(', ')} and ${names.length - 30} more` : shown.join(', ');
}

/** Levenshtein distance, for "did you mean" on a mistyped column name. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** "There is no column …", with the closest name when one is near (case ignored, two edits at most). */
function noColumn(flag: string, name: string, file: string, columns: string[]): string {
  const scored = columns.map((c) => ({ c, d: distance(c.toLowerCase(), name.toLowerCase()) }));
  const best = scored.sort((x, y) => x.d - y.d)[0];
  const hint = best && best.d <= 2 ? ` Did you mean "${best.c}"?` : '';
  return `${flag}: there is no column "${name}" in ${file}.${hint} Its columns are ${columnList(columns)}.`;
}

/** The data step's settings for the flags: defaults (no cleaning steps) plus names, target and attributes. */
function settingsFor(options: CliOptions): DataSettings {
  return {
    ...DEFAULT_SETTINGS,
    parse: options.noHeader ? { hasHeader: false } : {},
    renames: Object.fromEntries((options.names ?? []).map((name, i) => [i, name])),
    target: options.target,
    positiveClass: options.positive,
    sensitive: options.sensitive.map((column) => ({ column })),
  };
}

/**
 * Checks the flags against the table before training, with the data step's own analysis, so that a typo
 * gets a precise message: the columns that exist, the classes the target has.
 */
function checkChoices(parsed: ParsedTable, settings: DataSettings, options: CliOptions): Outcome<Analysis> {
  const columns = parsed.table.columns.length;
  if (options.names && options.names.length > columns) {
    return userError(
      `--names gives ${options.names.length} names, but ${options.csv} has ${columns} columns.`,
    );
  }
  const analysis = analyse(parsed, settings);
  if (!analysis.ok) return userError(describePipelineError(analysis.reason, null));
  const { allColumns, target } = analysis.data;
  if (!target || target.problem?.code === 'target-missing') {
    return userError(noColumn('--target', options.target, options.csv, allColumns));
  }
  for (const name of options.sensitive) {
    if (name === options.target)
      return userError(`"${name}" is the target; it cannot also be a sensitive attribute.`);
    if (!allColumns.includes(name)) return userError(noColumn('--sensitive', name, options.csv, allColumns));
  }
  for (const problem of analysis.data.sensitiveProblems ?? []) {
    if (problem.reason === 'too-many-groups') {
      return userError(
        `--sensitive: "${problem.column}" has ${problem.groups} groups, too many to compare; choose another attribute.`,
      );
    }
  }
  if (target.problem) return userError(describePipelineError(target.problem, null));
  if (options.positive !== null) {
    if (target.task === 'regression') {
      return userError(
        `--positive applies to classes, but "${target.column}" holds numbers to predict (regression).`,
      );
    }
    if (!target.classes.some((c) => c.value === options.positive)) {
      const classes = target.classes.map((c) => `"${c.value}"`).join(', ');
      return userError(
        `--positive "${options.positive}" is not a value of "${target.column}": its classes are ${classes}.`,
      );
    }
  }
  return { ok: true, data: analysis.data };
}

/** TF.js in Node suggests installing its native binding; this project runs the same code as the browser. */
function silenceTfNodeHint(): void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('tfjs-node')) return;
    warn(...args);
  };
}

/** Epoch progress on one rewritten line, only when stderr is a terminal. */
function progressPrinter(): ((event: PipelineProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (event) => {
    if (event.type === 'epoch') process.stderr.write(`\r  training: ${event.epoch} / ${event.epochs}   `);
    else if (event.stage === 'evaluate') process.stderr.write('\r\x1b[K');
  };
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const args = parseArgs(argv);
  if (!args.ok) return fatal(`${args.reason}\nRun with --help to see the options.`);
  if (args.data.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (args.data.command === 'score') return scoreCommand(args.data.options);
  const options = args.data.options;
  const main = await load(options.csv, options.noHeader);
  if (!main.ok) return fatal(main.reason);
  const test = options.testCsv === null ? null : await load(options.testCsv, options.noHeader);
  if (test && !test.ok) return fatal(test.reason);
  const settings = settingsFor(options);
  const checked = checkChoices(main.data, settings, options);
  if (!checked.ok) return fatal(checked.reason);
  for (const file of [options.out, options.saveModel]) {
    const unwritable = file === null ? null : await checkWritable(file);
    if (unwritable) return fatal(unwritable);
  }
  silenceTfNodeHint();
  const onProgress = progressPrinter();
  /** One run (plain, or with the remedy) and its report, on the same split and seed. */
  const trainRun = async (mitigation?: MitigationRequest) => {
    const result = await runPipeline({
      ...main.data,
      settings,
      ...(test?.ok ? { testTable: test.data } : {}),
      model: options.model,
      seed: options.seed,
      // The typed-array loop by default, as the app picks without a GPU; or TF.js's 'cpu' backend, the only
      // one it registers in Node (WebGL and WebGPU need a browser; WASM is not loaded).
      backend: options.backend,
      ...(onProgress ? { onProgress } : {}),
      ...(mitigation ? { mitigation } : {}),
    });
    if (!result.ok) return result;
    // Explanations that fail cost only themselves: the model and its figures are still reported.
    const importance = await explainRun(result.data, { seed: options.seed }).then(
      (explanation) => explanation.importance,
      (error: unknown) => {
        console.log(`Note: permutation importance could not be measured (${String(error)}).`);
        return undefined;
      },
    );
    const report = buildReport(result.data, {
      datasetName: basename(options.csv),
      ...(options.testCsv ? { testFileName: basename(options.testCsv) } : {}),
      ...(importance ? { importance } : {}),
    });
    return { ok: true as const, data: { result: result.data, report } };
  };
  const plain = await trainRun();
  if (!plain.ok) return fatal(describePipelineError(plain.reason, options.testCsv));
  let { result, report } = plain.data;
  if (options.mitigate) {
    const remedy = await trainRun({
      method: options.mitigate,
      fairness: options.fairness,
      ...(options.attribute !== null ? { attribute: options.attribute } : {}),
      ...(options.lambda !== null ? { lambda: options.lambda } : {}),
    });
    if (!remedy.ok) return fatal(describePipelineError(remedy.reason, options.testCsv));
    result = remedy.data.result;
    report = exportedReport(remedy.data.report, { baseline: plain.data.report });
  }
  const totalMs = performance.now() - started;
  console.log(formatSummary(result, report, { totalMs, leftOut: checked.data.leftOut }));
  if (report.baseline) console.log(formatComparison(report, options.fairness));
  if (options.positive !== null && result.task === 'multiclass') {
    console.log(
      `Note: --positive is ignored: "${options.target}" has several classes, each predicted as itself.`,
    );
  }
  for (const note of result.notes) {
    console.log(
      note.code === 'unseen-test-labels'
        ? `Note: ${note.rows} rows of ${options.testCsv} have a target value the training file never has; they were left out.`
        : `Note: ${options.testCsv} has no column "${note.column}": the fairness audit leaves that attribute out.`,
    );
  }
  if (options.out !== null) {
    try {
      await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      return fatal(`Cannot write ${options.out}: ${(error as Error).message}`);
    }
    console.log(`\nReport written to ${options.out}`);
  }
  if (options.saveModel !== null) {
    const file = buildModelFile({
      source: { dataset: basename(options.csv), model: options.model, mitigation: options.mitigate },
      task: result.task,
      target: result.target,
      classes: result.classes,
      positiveClass: result.positiveClass,
      threshold: result.task === 'binary' ? 0.5 : null,
      settings,
      cleaningFits: result.cleaningFits,
      preprocessor: result.preprocessor,
      model: result.model.fitted,
    });
    try {
      await writeFile(options.saveModel, `${JSON.stringify(file)}\n`);
    } catch (error) {
      return fatal(`Cannot write ${options.saveModel}: ${(error as Error).message}`);
    }
    console.log(`Model written to ${options.saveModel}`);
  }
  return 0;
}

function fatal(message: string): number {
  console.error(`error: ${message}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not a user's mistake: a bug, reported with its stack so it can be fixed.
    console.error('internal error:', error);
    process.exitCode = 1;
  },
);
