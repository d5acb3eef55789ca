import { memo, useId, useRef } from 'react';
import { useI18n } from '../../i18n';
import { useAppState, useController } from '../context';
import { useSamples } from '../load/useSamples';

/** The test file training would use, when there is one: an uploaded file, else the sample's official one. */
export function useTestFileInfo() {
  const samples = useSamples();
  const sampleId = useAppState((s) => s.dataset?.sampleId);
  const uploaded = useAppState((s) => s.testFile);
  const sample = samples.find((s) => s.id === sampleId);
  const official = sample?.testFile ? { name: sample.testFile, rows: sample.testRows ?? 0 } : null;
  return { uploaded, official, available: uploaded !== null || official !== null };
}

/** Where the test rows come from: the split of this file, the sample's official test file, or an upload. */
export const TestRowsPicker = memo(function TestRowsPicker({ disabled }: { disabled: boolean }) {
  const { m, fmt } = useI18n();
  const controller = useController();
  const { uploaded, official, available: hasTestFile } = useTestFileInfo();
  const fractions = useAppState((s) => s.trainChoices.fractions);
  const useTestFile = useAppState((s) => s.trainChoices.useTestFile);
  const input = useRef<HTMLInputElement>(null);
  const name = useId();
  const choose = (value: boolean) => controller.updateTrainChoices((c) => ({ ...c, useTestFile: value }));
  const pct = (share: number) => fmt.percent(share);
  return (
    <fieldset className="test-rows" disabled={disabled}>
      <legend>{m.train.testRows}</legend>
      <label className="check">
        <input
          type="radio"
          name={name}
          checked={!useTestFile || !hasTestFile}
          onChange={() => choose(false)}
        />
        {m.train.splitOption(pct(fractions.train), pct(fractions.validation), pct(fractions.test))}
      </label>
      {hasTestFile && (
        <label className="check">
          <input type="radio" name={name} checked={useTestFile} onChange={() => choose(true)} />
          {uploaded
            ? m.train.uploadedTestOption(uploaded.name)
            : official && m.train.sampleTestOption(official.name, fmt.integer(official.rows))}
        </label>
      )}
      {useTestFile && hasTestFile && <p className="hint">{m.train.testFileHint}</p>}
      <div className="row">
        <button type="button" className="button-quiet" onClick={() => input.current?.click()}>
          {m.train.uploadTest}
        </button>
        {uploaded && (
          <button type="button" className="button-quiet" onClick={() => void controller.clearTestFile()}>
            {m.train.removeTest}
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          hidden
          aria-label={m.train.uploadTest}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void controller.setTestFile(file, file.name);
            e.target.value = '';
          }}
        />
      </div>
    </fieldset>
  );
});
