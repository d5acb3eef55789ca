import type { ReactNode } from 'react';

/**
 * One step of the workflow: a numbered, labelled region of the page. `busy` marks its content as being
 * recomputed (dimmed, and aria-busy for screen readers) so a slow update never looks like a frozen page.
 */
export function Section(props: {
  id: string;
  n: number;
  title: string;
  intro?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const { id, n, title, intro, busy, children } = props;
  return (
    <section className={busy ? 'step busy' : 'step'} id={id} aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>
        <span className="step-number" aria-hidden="true">
          {n}
        </span>
        {title}
      </h2>
      {intro && <p className="intro">{intro}</p>}
      {children}
    </section>
  );
}
