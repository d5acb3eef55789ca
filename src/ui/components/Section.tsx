import type { ReactNode } from 'react';

/** One step of the workflow: a numbered, labelled region of the page. */
export function Section({
  id,
  n,
  title,
  intro,
  children,
}: {
  id: string;
  n: number;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="step" id={id} aria-labelledby={`${id}-title`}>
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
