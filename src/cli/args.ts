/**
 * The command line of `npm run cli`, parsed by a pure function so it can be tested without a process:
 * argv in, options or a one-line message for the user out.
 */
import type { Result } from '../core/result';
import {
  FAIRNESS_GOALS,
  MAX_PENALTY_LAMBDA,
  MITIGATION_METHODS,
  type FairnessGoal,
  type MitigationMethod,
} from '../pipeline/mitigation';
import { MODEL_KINDS, type ModelKind } from '../pipeline/types';

/** What the user asked for. */
export interface CliOptions {
  csv: string;
  target: string;
  /** The class to predict as positive; null: the app's default (the favourable or else the rarer class). */
  positive: string | null;
  sensitive: string[];
  model: ModelKind;
  testCsv: string | null;
  /** Read both files as having no header row. */
  noHeader: boolean;
  /** Column names by position (`--names a,b,c`), for a file without a header; null keeps the file's. */
  names: string[] | null;
  seed: number;
  out: string | null;
  /** Where the linear model and the MLP train: the typed-array loop (as the app without a GPU) or TF.js CPU. */
  backend: CliBackend;
  /** A remedy to train with (the plain run is trained too, as its baseline); null: a plain run only. */
  mitigate: MitigationMethod | null;
  /** The fairness definition the remedy aims at and the comparison judges by. */
  fairness: FairnessGoal;
  /** The sensitive attribute (or `a × b`) the remedy protects; null: the first of `--sensitive`. */
  attribute: string | null;
  /** λ of the fairness penalty; null: the default. */
  lambda: number | null;
  /** Where to write the trained model as a model file (`--save-model`); null: not written. */
  saveModel: string | null;
}

/** `--model-file`: score a file with a saved model instead of training. */
export interface CliScoreOptions {
  modelFile: string;
  csv: string;
  /** Where the predictions CSV goes; null: a summary and the first rows are printed. */
  out: string | null;
  noHeader: boolean;
}

/** The backends the CLI offers in Node: TF.js has only its CPU backend there (no GPU, WASM not loaded). */
export const CLI_BACKENDS = ['typescript', 'cpu'] as const;
export type CliBackend = (typeof CLI_BACKENDS)[number];

/** Show the usage, or train with these options. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'run'; options: CliOptions }
  | { command: 'score'; options: CliScoreOptions };

/** The model trained when `--model` is not given. */
export const DEFAULT_MODEL: ModelKind = 'logistic';
/** The seed used when `--seed` is not given. */
export const DEFAULT_SEED = 42;

/** The text `--help` prints. */
export const USAGE = `Train and evaluate a model on a CSV file, exactly as Lepton Workbench does in the browser.

Usage:
  npm run cli -- --csv FILE --target COLUMN [options]

Options:
  --csv FILE           the table to learn from (required)
  --target COLUMN      the column to predict (required)
  --positive VALUE     the class to predict as positive (default: a favourable-looking value such as
                       "yes" or ">50K", else the rarer class)
  --sensitive A,B      sensitive attributes: left out of the model's inputs and listed in the report
  --model KIND         logistic | mlp | tree | boosted (default: ${DEFAULT_MODEL}; logistic is linear
                       regression when the target is a number)
  --test-csv FILE      a separate test file with the same columns; FILE is then split 85/15 into training
                       and validation rows (default: FILE is split 70/15/15, stratified by the target)
  --no-header          the files have no header row (columns are named "Column 1", "Column 2", …)
  --names A,B,C        name the columns by position (for files without a header)
  --seed N             seed of the split and of every random step (default: ${DEFAULT_SEED})
  --backend NAME       typescript | cpu: where logistic and mlp train, the typed-array loop the app uses
                       without a GPU (default, fastest) or TF.js's CPU backend
  --mitigate METHOD    reweigh | resample | penalty | thresholds | drop-proxies: train with a remedy for
                       unfairness too, and compare it with the plain run (its baseline) on the same split
  --fairness GOAL      demographic-parity | equal-opportunity | equalized-odds: what the remedy aims at
                       and the comparison judges by (default: demographic-parity)
  --attribute NAME     the sensitive attribute the remedy protects, or two joined by " x " for their
                       intersection (default: the first of --sensitive)
  --lambda N           strength of the fairness penalty, 0 to ${MAX_PENALTY_LAMBDA} (default: 5)
  --out FILE           write the JSON report (docs/report-schema.md) to FILE
  --save-model FILE    write the trained model (with its cleaning and preprocessing) as a model file, the
                       same file as the app's "Export model"
  --help, -h           show this help

Scoring new rows with a saved model (the app's "Export model", or --save-model):
  npm run cli -- --model-file MODEL.json --csv NEW.csv [--out PREDICTIONS.csv] [--no-header]
  Every row of NEW.csv gets a prediction; --out writes them as CSV after the file's own columns (cells a
  spreadsheet would run as formulas are neutralised); without --out a summary is printed.

Example:
  npm run cli -- --csv public/samples/adult.csv --test-csv public/samples/adult-test.csv \\
    --target income --positive '>50K' --sensitive sex,race --model boosted --out report.json`;

type Flag =
  | 'csv'
  | 'target'
  | 'positive'
  | 'sensitive'
  | 'model'
  | 'test-csv'
  | 'names'
  | 'seed'
  | 'out'
  | 'backend'
  | 'mitigate'
  | 'fairness'
  | 'attribute'
  | 'lambda'
  | 'model-file'
  | 'save-model';
const VALUE_FLAGS: readonly Flag[] = [
  'model-file',
  'save-model',
  'mitigate',
  'fairness',
  'attribute',
  'lambda',
  'csv',
  'target',
  'positive',
  'sensitive',
  'model',
  'test-csv',
  'names',
  'seed',
  'out',
  'backend',
];

/** A comma-separated list, items trimmed; null when an item is empty. */
function list(value: string): string[] | null {
  const items = value.split(',').map((s) => s.trim());
  return items.some((s) => s === '') ? null : items;
}

const failWith = (message: string): Result<never, string> => ({ ok: false, reason: message });

/** The options once every flag is read: required ones present, values checked. */
function finish(values: Partial<Record<Flag, string>>, noHeader: boolean): Result<CliCommand, string> {
  if (values['model-file'] !== undefined) return finishScore(values, noHeader);
  if (values.csv === undefined) return failWith('--csv FILE is required.');
  if (values.target === undefined) return failWith('--target COLUMN is required.');
  const model = values.model ?? DEFAULT_MODEL;
  if (!MODEL_KINDS.includes(model as ModelKind)) {
    return failWith(`--model must be one of ${MODEL_KINDS.join(', ')}; got "${model}".`);
  }
  const seedText = values.seed ?? String(DEFAULT_SEED);
  const seed = /^\d+$/.test(seedText) ? Number(seedText) : NaN;
  if (!(seed <= 0xffffffff))
    return failWith(`--seed must be a whole number from 0 to 4294967295; got "${seedText}".`);
  const sensitive = values.sensitive === undefined ? [] : list(values.sensitive);
  if (!sensitive) return failWith('--sensitive takes column names separated by commas, none of them empty.');
  const names = values.names === undefined ? null : list(values.names);
  if (names === null && values.names !== undefined) {
    return failWith('--names takes column names separated by commas, none of them empty.');
  }
  if (names && new Set(names).size !== names.length) return failWith('--names repeats a column name.');
  const backend = values.backend ?? 'typescript';
  if (!CLI_BACKENDS.includes(backend as CliBackend))
    return failWith(`--backend must be one of ${CLI_BACKENDS.join(', ')}; got "${backend}".`);
  const mitigate = values.mitigate ?? null;
  if (mitigate !== null && !MITIGATION_METHODS.includes(mitigate as MitigationMethod))
    return failWith(`--mitigate must be one of ${MITIGATION_METHODS.join(', ')}; got "${mitigate}".`);
  const fairness = values.fairness ?? 'demographic-parity';
  if (!FAIRNESS_GOALS.includes(fairness as FairnessGoal))
    return failWith(`--fairness must be one of ${FAIRNESS_GOALS.join(', ')}; got "${fairness}".`);
  const lambda =
    values.lambda === undefined ? null : /^\s*[\d.]+\s*$/.test(values.lambda) ? Number(values.lambda) : NaN;
  if (lambda !== null && !(lambda >= 0 && lambda <= MAX_PENALTY_LAMBDA))
    return failWith(`--lambda must be a number from 0 to ${MAX_PENALTY_LAMBDA}; got "${values.lambda}".`);
  for (const flag of ['attribute', 'lambda', 'fairness'] as const)
    if (values[flag] !== undefined && mitigate === null) return failWith(`--${flag} needs --mitigate.`);
  if (lambda !== null && mitigate !== 'penalty')
    return failWith('--lambda applies to --mitigate penalty only.');
  if (mitigate === 'penalty' && (model === 'tree' || model === 'boosted'))
    return failWith(
      'The fairness penalty works only for logistic regression and the neural network (--model logistic or mlp).',
    );
  if (mitigate !== null && sensitive.length === 0)
    return failWith('--mitigate needs --sensitive: a remedy protects a sensitive attribute.');
  // "a x b" is easier to type than the audit's "a × b".
  const attribute = values.attribute?.replace(/\s+x\s+/g, ' × ') ?? null;
  const parts = attribute?.split(' × ') ?? [];
  if (attribute !== null && (parts.length > 2 || !parts.every((a) => sensitive.includes(a))))
    return failWith(
      `--attribute must be one of --sensitive, or two of them joined by " x "; got "${values.attribute}".`,
    );
  return {
    ok: true,
    data: {
      command: 'run',
      options: {
        csv: values.csv,
        target: values.target,
        positive: values.positive ?? null,
        sensitive,
        model: model as ModelKind,
        testCsv: values['test-csv'] ?? null,
        noHeader,
        names,
        seed,
        out: values.out ?? null,
        backend: backend as CliBackend,
        mitigate: mitigate as MitigationMethod | null,
        fairness: fairness as FairnessGoal,
        attribute,
        lambda,
        saveModel: values['save-model'] ?? null,
      },
    },
  };
}

/** `--model-file`: only `--csv`, `--out` and `--no-header` go with it; the model file holds the rest. */
function finishScore(values: Partial<Record<Flag, string>>, noHeader: boolean): Result<CliCommand, string> {
  const extra = (Object.keys(values) as Flag[]).filter((f) => !['model-file', 'csv', 'out'].includes(f));
  if (extra.length > 0)
    return failWith(
      `--model-file scores a file with a saved model, which holds its own settings: --${extra[0]} does not apply.`,
    );
  if (values.csv === undefined) return failWith('--model-file needs --csv FILE, the file to score.');
  return {
    ok: true,
    data: {
      command: 'score',
      options: { modelFile: values['model-file']!, csv: values.csv, out: values.out ?? null, noHeader },
    },
  };
}

/**
 * Parses the arguments after `npm run cli --`. Flags take their value as the next argument or after `=`
 * (`--seed=7`); each may be given once. `--help` (or `-h`) anywhere wins. Fails with a message naming the
 * problem: an unknown flag, a missing or empty value, a repeated flag, a stray argument, a bad model or
 * seed, or a missing `--csv` / `--target`.
 */
export function parseArgs(argv: readonly string[]): Result<CliCommand, string> {
  if (argv.includes('--help') || argv.includes('-h')) return { ok: true, data: { command: 'help' } };
  const values: Partial<Record<Flag, string>> = {};
  let noHeader = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) return failWith(`Unexpected argument "${arg}": every value follows its flag.`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (name === 'no-header') {
      if (eq >= 0) return failWith('--no-header takes no value.');
      if (noHeader) return failWith('--no-header is given twice.');
      noHeader = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(name as Flag)) {
      return failWith(`Unknown option "--${name}". Run with --help to see the options.`);
    }
    const flag = name as Flag;
    if (values[flag] !== undefined) return failWith(`--${flag} is given twice.`);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value.trim() === '') return failWith(`--${flag} needs a value.`);
    values[flag] = value;
  }
  return finish(values, noHeader);
}
