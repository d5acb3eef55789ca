import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls its table sideways when the page is narrow. While the table overflows, the box is a named,
 * focusable region, so a keyboard alone can scroll it (arrow keys once focused); while it fits, it is a plain
 * box and no extra tab stop. A ResizeObserver on the box and the table keeps that true as either changes size.
 */
export function ScrollRegion({
  label,
  className = 'table-scroll-x',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const check = () =>
      setOverflows(box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={className}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
