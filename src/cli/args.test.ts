import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, DEFAULT_SEED, parseArgs } from './args';

const run = (argv: string[]) => {
  const result = parseArgs(argv);
  if (!result.ok || result.data.command !== 'run') throw new Error(`not a run: ${JSON.stringify(result)}`);
  return result.data.options;
};
const error = (argv: string[]) => {
  const result = parseArgs(argv);
  return result.ok ? null : result.reason;
};

describe('parseArgs', () => {
  it('accepts every documented flag', () => {
    const options = run([
      '--csv',
      'adult.csv',
      '--target',
      'income',
      '--positive',
      '>50K',
      '--sensitive',
      'sex, race',
      '--model',
      'mlp',
      '--test-csv',
      'adult-test.csv',
      '--no-header',
      '--names',
      'a,b,c',
      '--seed',
      '7',
      '--out',
      'report.json',
      '--backend',
      'cpu',
      '--mitigate',
      'penalty',
      '--fairness',
      'equalized-odds',
      '--attribute',
      'sex x race',
      '--lambda',
      '2.5',
      '--save-model',
      'model.json',
    ]);
    expect(options).toEqual({
      csv: 'adult.csv',
      target: 'income',
      positive: '>50K',
      sensitive: ['sex', 'race'],
      model: 'mlp',
      testCsv: 'adult-test.csv',
      noHeader: true,
      names: ['a', 'b', 'c'],
      seed: 7,
      out: 'report.json',
      backend: 'cpu',
      mitigate: 'penalty',
      fairness: 'equalized-odds',
      attribute: 'sex × race',
      lambda: 2.5,
      saveModel: 'model.json',
    });
  });

  it('fills in defaults and takes --flag=value', () => {
    expect(run(['--csv=data.csv', '--target=credit risk', '--positive=<=50K'])).toEqual({
      csv: 'data.csv',
      target: 'credit risk',
      positive: '<=50K',
      sensitive: [],
      model: DEFAULT_MODEL,
      testCsv: null,
      noHeader: false,
      names: null,
      seed: DEFAULT_SEED,
      out: null,
      backend: 'typescript',
      mitigate: null,
      fairness: 'demographic-parity',
      attribute: null,
      lambda: null,
      saveModel: null,
    });
    for (const model of ['logistic', 'mlp', 'tree', 'boosted']) {
      expect(run(['--csv', 'a', '--target', 'b', '--model', model]).model).toBe(model);
    }
  });

  it('answers --help and -h, whatever else is given', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, data: { command: 'help' } });
    expect(parseArgs(['--bogus', '-h'])).toEqual({ ok: true, data: { command: 'help' } });
  });

  it('rejects an unknown flag with a message naming it', () => {
    expect(error(['--csv', 'a', '--target', 'b', '--epochs', '5'])).toBe(
      'Unknown option "--epochs". Run with --help to see the options.',
    );
    expect(error(['--csv', 'a', '--target', 'b', '--testcsv', 'c'])).toMatch(/Unknown option "--testcsv"/);
  });

  it('rejects missing, empty, repeated and stray values', () => {
    expect(error(['--target', 'b'])).toBe('--csv FILE is required.');
    expect(error(['--csv', 'a'])).toBe('--target COLUMN is required.');
    expect(error(['--csv', 'a', '--target'])).toBe('--target needs a value.');
    expect(error(['--csv', '--target', 'b'])).toBe('--csv needs a value.');
    expect(error(['--csv', 'a', '--target', ''])).toBe('--target needs a value.');
    expect(error(['--csv', 'a', '--csv', 'b', '--target', 'c'])).toBe('--csv is given twice.');
    expect(error(['--csv', 'a', '--target', 'b', 'extra'])).toMatch(/Unexpected argument "extra"/);
    expect(error(['--csv', 'a', '--target', 'b', '--no-header=yes'])).toBe('--no-header takes no value.');
  });

  it('rejects a bad remedy, fairness goal or λ, and remedy flags without --mitigate or --sensitive', () => {
    const base = ['--csv', 'a', '--target', 'b', '--sensitive', 'sex'];
    expect(error([...base, '--mitigate', 'magic'])).toBe(
      '--mitigate must be one of reweigh, resample, penalty, thresholds, drop-proxies; got "magic".',
    );
    expect(error([...base, '--mitigate', 'penalty', '--fairness', 'parity'])).toMatch(
      /^--fairness must be one of demographic-parity, equal-opportunity, equalized-odds/,
    );
    expect(error([...base, '--mitigate', 'penalty', '--lambda', '-1'])).toMatch(/^--lambda must be a number/);
    expect(error([...base, '--fairness', 'equalized-odds'])).toBe('--fairness needs --mitigate.');
    expect(error([...base, '--mitigate', 'reweigh', '--attribute', 'race'])).toBe(
      '--attribute must be one of --sensitive, or two of them joined by " x "; got "race".',
    );
    expect(error([...base, '--mitigate', 'reweigh', '--lambda', '2'])).toBe(
      '--lambda applies to --mitigate penalty only.',
    );
    expect(error([...base, '--mitigate', 'penalty', '--lambda', '1e1'])).toMatch(
      /^--lambda must be a number/,
    );
    expect(error([...base, '--mitigate', 'penalty', '--model', 'tree'])).toMatch(
      /^The fairness penalty works only for logistic regression and the neural network/,
    );
    expect(error(['--csv', 'a', '--target', 'b', '--mitigate', 'reweigh'])).toMatch(
      /^--mitigate needs --sensitive/,
    );
  });

  it('rejects a bad model, seed or list', () => {
    expect(error(['--csv', 'a', '--target', 'b', '--model', 'svm'])).toBe(
      '--model must be one of logistic, mlp, tree, boosted; got "svm".',
    );
    expect(error(['--csv', 'a', '--target', 'b', '--backend', 'webgpu'])).toBe(
      '--backend must be one of typescript, cpu; got "webgpu".',
    );
    for (const seed of ['-1', '1.5', 'abc', '4294967296']) {
      expect(error(['--csv', 'a', '--target', 'b', `--seed=${seed}`])).toMatch(
        /^--seed must be a whole number/,
      );
    }
    expect(error(['--csv', 'a', '--target', 'b', '--sensitive', 'sex,,race'])).toMatch(/^--sensitive takes/);
    expect(error(['--csv', 'a', '--target', 'b', '--names', 'a,b,a'])).toBe('--names repeats a column name.');
  });

  it('takes --model-file with --csv and --out only, and --save-model when training', () => {
    const score = parseArgs(['--model-file', 'm.json', '--csv', 'new.csv', '--out', 'p.csv', '--no-header']);
    expect(score).toEqual({
      ok: true,
      data: {
        command: 'score',
        options: { modelFile: 'm.json', csv: 'new.csv', out: 'p.csv', noHeader: true },
      },
    });
    expect(error(['--model-file', 'm.json'])).toBe('--model-file needs --csv FILE, the file to score.');
    expect(error(['--model-file', 'm.json', '--csv', 'a', '--target', 'b'])).toMatch(
      /^--model-file scores a file with a saved model, .*--target does not apply\.$/,
    );
    const run = parseArgs(['--csv', 'a', '--target', 'b', '--save-model', 'm.json']);
    expect(run.ok && run.data.command === 'run' && run.data.options.saveModel).toBe('m.json');
  });
});
