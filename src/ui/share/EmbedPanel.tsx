import { useState } from 'react';
import { useI18n } from '../../i18n';
import { embedUrl, iframeSnippet } from '../../state/urlParams';
import { useAppState } from '../context';

/** The iframe snippet of the current sample and settings, with a copy button. Samples only: never the data. */
export function EmbedPanel({ lang }: { lang: string }) {
  const { m } = useI18n();
  const e = m.share.embed;
  const sampleId = useAppState((s) => s.dataset?.sampleId ?? null);
  const settings = useAppState((s) => s.settings);
  const model = useAppState((s) => s.trainChoices.model);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const snippet =
    sampleId &&
    iframeSnippet(
      embedUrl(window.location.href, {
        sample: sampleId,
        target: settings.target,
        positive: settings.positiveClass,
        sensitive: settings.sensitive.map((s) => s.column),
        model,
        ...(lang !== 'en' ? { lang } : {}),
      }),
      e.frameTitle,
    );
  const copy = async () => {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="share-panel">
      <h3>{e.title}</h3>
      <p>{e.text}</p>
      {snippet ? (
        <>
          <label htmlFor="embed-snippet">{e.snippet}</label>
          <textarea
            id="embed-snippet"
            className="embed-snippet"
            readOnly
            value={snippet}
            onFocus={(event) => event.target.select()}
          />
          <div className="actions">
            <button type="button" onClick={() => void copy()}>
              {e.copy}
            </button>
            <span role="status">
              {copied === 'copied' ? e.copied : copied === 'failed' ? e.copyFailed : ''}
            </span>
          </div>
        </>
      ) : (
        <p className="muted">{e.onlySamples}</p>
      )}
    </div>
  );
}
