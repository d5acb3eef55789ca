import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../report/report';

/** The CLI as a user runs it: a child process, its exit code, what it prints and the file it writes. */

const dir = mkdtempSync(join(tmpdir(), 'lepton-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npx tsx src/cli/main.ts …`, or with `direct` the same tsx without npx (whose own start-up takes
 * most of a second), for the runs that only check error handling.
 */
function cli(args: string[], direct = false): Promise<Run> {
  const [command, first] = direct ? [process.execPath, 'node_modules/tsx/dist/cli.mjs'] : ['npx', 'tsx'];
  return new Promise((resolve) => {
    execFile(command, [first, 'src/cli/main.ts', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const GERMAN = ['--csv', 'public/samples/german-credit.csv', '--target', 'credit risk'];

describe('npm run cli', () => {
  it('trains a tree on German credit, prints a summary and writes a valid report', async () => {
    const out = join(dir, 'report.json');
    const { code, stdout, stderr } = await cli([
      ...GERMAN,
      '--model',
      'tree',
      '--sensitive',
      'sex',
      '--out',
      out,
    ]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout).toMatch(/train 700 · validation 150 · test 150 \(seed 42\)/);
    expect(stdout).toMatch(/accuracy\s+0\.\d{4}\s+baseline 0\.7000/);
    // The fairness summary, the top importances and the proxies.
    expect(stdout).toMatch(/demographic parity difference \d\.\d{3}, ratio \d\.\d{3}/);
    expect(stdout).toMatch(/What drives the model \(drop in test accuracy/);
    expect(stdout).toMatch(/Proxies .*\n\s+sex\s+personal status 1\.000/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.importance.length).toBeGreaterThan(3);
    const top = report.importance[0] as { feature: string; mean: number };
    expect(stdout).toContain(`${top.feature.padEnd(19)} ${top.mean.toFixed(4)}`);
    expect(report.type).toBe('lepton-workbench-report');
    expect(validateReport(report).ok).toBe(true);
    expect(report).toMatchObject({ target: 'credit risk', positiveClass: 'good', model: { kind: 'tree' } });
  }, 60_000);

  it('--mitigate trains the remedy beside its baseline and writes both in the report', async () => {
    const out = join(dir, 'mitigated.json');
    const { code, stdout, stderr } = await cli([
      ...GERMAN,
      '--sensitive',
      'sex',
      '--mitigate',
      'thresholds',
      '--fairness',
      'equal-opportunity',
      '--out',
      out,
    ]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Remedy: thresholds for "sex" \(aiming at equal-opportunity; on the validation rows: accuracy 0\.\d{4}, gap 0\.0000\)/,
    );
    expect(stdout).toMatch(/Fairness on the test set \(each group's own threshold;/);
    expect(stdout).toMatch(/accuracy\s+0\.\d{4} → 0\.\d{4}/);
    expect(stdout).toMatch(/equal-opportunity\s+(\d\.\d{4}|n\/a) → (\d\.\d{4}|n\/a)/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateReport(report).ok).toBe(true);
    expect(report.mitigation).toMatchObject({
      method: 'thresholds',
      attribute: 'sex',
      options: { fairness: 'equal-opportunity' },
    });
    expect(report.mitigation.options.rules).toHaveLength(2);
    expect(report.threshold).toBeUndefined();
    expect(report.baseline.metrics.accuracy).toEqual(expect.any(Number));
    expect(report.baseline.threshold).toBe(0.5);
  }, 60_000);

  it('trains the MLP on the typed-array loop to the end (the loop yields between epochs; the process must wait)', async () => {
    const { code, stdout } = await cli([...GERMAN, '--model', 'mlp']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/neural network .*on plain TypeScript/i);
    expect(stdout).toMatch(/accuracy\s+0\.\d{4}/);
  }, 60_000);

  it('explains a remedy that does not fit the model in one line', async () => {
    const { code, stderr } = await cli(
      [...GERMAN, '--model', 'tree', '--sensitive', 'sex', '--mitigate', 'penalty'],
      true,
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'error: The fairness penalty works only for logistic regression and the neural network (--model logistic or mlp).\nRun with --help to see the options.',
    );
  }, 60_000);

  it('exits 1 with one clear line, no stack trace, for user mistakes', async () => {
    const [missingFile, missingColumn, badFlag, badPositive] = await Promise.all([
      cli(['--csv', 'no/such/file.csv', '--target', 'x'], true),
      cli([...GERMAN.slice(0, 2), '--target', 'credit rsik'], true),
      cli([...GERMAN, '--modle', 'tree'], true),
      cli([...GERMAN, '--positive', 'excellent'], true),
    ]);
    for (const run of [missingFile, missingColumn, badFlag, badPositive]) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
    expect(missingFile.stderr).toMatch(/error: Cannot read no\/such\/file\.csv: no such file\./);
    expect(missingColumn.stderr).toMatch(
      /^error: --target: there is no column "credit rsik" in .*german-credit\.csv\. Did you mean "credit risk"\? Its columns are "checking account", .*"credit risk"\.\n$/,
    );
    expect(badFlag.stderr).toMatch(/error: Unknown option "--modle"/);
    expect(badPositive.stderr).toMatch(
      /error: --positive "excellent" is not a value of "credit risk": its classes are "good", "bad"\./,
    );
  }, 60_000);

  it('saves the model with --save-model and scores a new file with --model-file, formulas neutralised', async () => {
    const model = join(dir, 'model.json');
    const trained = await cli([...GERMAN, '--model', 'tree', '--save-model', model]);
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain(`Model written to ${model}`);
    const lines = readFileSync('public/samples/german-credit.csv', 'utf8').split('\n');
    const fresh = join(dir, 'new.csv');
    writeFileSync(fresh, [lines[0], lines[1].replace(/^[^,]*/, '=HYPERLINK("x")'), lines[2]].join('\n'));
    const out = join(dir, 'predictions.csv');
    const scored = await cli(['--model-file', model, '--csv', fresh, '--out', out], true);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/^Scored 2 rows of .*new\.csv with the tree model of german-credit\.csv/);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0].endsWith(',prediction,probability')).toBe(true);
    expect(csv[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(csv[1]).toMatch(/,(good|bad),[\d.e-]+$/);

    writeFileSync(fresh, 'age,sex\n30,male\n');
    const lacking = await cli(['--model-file', model, '--csv', fresh], true);
    expect(lacking.code).toBe(1);
    expect(lacking.stderr).toMatch(
      /^error: .*new\.csv: This file lacks \d+ columns the model needs: checking account/,
    );
    writeFileSync(fresh, '{"format":"lepton-model","version":7}');
    const newer = await cli(['--model-file', fresh, '--csv', fresh], true);
    expect(newer.stderr).toMatch(/made by a newer version of Lepton Workbench/);
  }, 90_000);
});
