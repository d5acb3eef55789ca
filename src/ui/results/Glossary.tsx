import { memo } from 'react';
import { useI18n } from '../../i18n';

/** The fairness definitions in words, and why they cannot all hold at once. */
export const Glossary = memo(function Glossary() {
  const { m } = useI18n();
  return (
    <details className="glossary" data-testid="glossary">
      <summary>{m.results.fairness.glossary}</summary>
      <dl>
        {m.results.glossary.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});
