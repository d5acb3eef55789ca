/**
 * `npm run cli -- --model-file MODEL.json --csv NEW.csv [--out PREDICTIONS.csv]`: scores every row of a new
 * file with a saved model (the app's "Export model", or `--save-model`), as the app's "Score a new CSV"
 * does (pipeline/modelFile.ts). User mistakes print one line and exit 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseCsv } from '../data/parse';
import { en } from '../i18n/en';
import { parseModelFile, scoreWithModelFile } from '../pipeline/modelFile';
import type { CliScoreOptions } from './args';
import { describeParseError } from './messages';

/** Rows printed when no `--out` is given. */
const SHOWN_ROWS = 5;

async function readText(file: string): Promise<string | { error: string }> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === 'ENOENT'
          ? `Cannot read ${file}: no such file.`
          : `Cannot read ${file}: ${(error as Error).message}`,
    };
  }
}

/** Runs the scoring command; resolves to the exit code. */
export async function scoreCommand(options: CliScoreOptions): Promise<number> {
  const fatal = (message: string) => {
    console.error(`error: ${message}`);
    return 1;
  };
  const text = await readText(options.modelFile);
  if (typeof text !== 'string') return fatal(text.error);
  const model = parseModelFile(text);
  if (!model.ok) {
    const { title, hint } = en.errors[model.reason.code](model.reason.params ?? {});
    return fatal(`${options.modelFile}: ${title} ${hint}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(options.csv));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fatal(code === 'ENOENT' ? `Cannot read ${options.csv}: no such file.` : (error as Error).message);
  }
  const hasHeader = options.noHeader ? false : model.data.settings.parse.hasHeader;
  const parsed = await parseCsv(bytes, hasHeader === undefined ? {} : { hasHeader });
  if (!parsed.ok) return fatal(describeParseError(options.csv, parsed.reason));
  const scored = scoreWithModelFile(model.data, parsed.data);
  if (!scored.ok) {
    const { title, hint } = en.errors[scored.reason.code](scored.reason.params ?? {});
    return fatal(`${options.csv}: ${title} ${hint}`);
  }
  const { rows, columns, unreadable, csv, predicted } = scored.data;
  const { source, target } = model.data;
  console.log(
    `Scored ${rows} rows of ${options.csv} with the ${source.model} model of ${source.dataset} (predicts "${target}").`,
  );
  if (columns.extra.length > 0) console.log(`Not used by the model (ignored): ${columns.extra.join(', ')}.`);
  for (const { column, cells } of unreadable)
    console.log(`Note: ${cells} cells of "${column}" are not numbers; they were treated as missing.`);
  if (predicted.length > 0)
    console.log(`Predicted: ${predicted.map(({ label, rows: n }) => `${label} ${n}`).join(', ')}.`);
  if (options.out === null) {
    console.log(
      csv
        .split('\r\n')
        .slice(0, SHOWN_ROWS + 1)
        .join('\n'),
    );
    return 0;
  }
  try {
    await writeFile(options.out, csv);
  } catch (error) {
    return fatal(`Cannot write ${options.out}: ${(error as Error).message}`);
  }
  console.log(`Predictions written to ${options.out}`);
  return 0;
}
