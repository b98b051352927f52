import type { ReactNode } from 'react';
import { hrefOf, navigate, type Route } from './router';

/** A real link (open in a new tab works) that moves within the panel without a reload. */
export function Link({ to, children, current = false }: { to: Route; children: ReactNode; current?: boolean }) {
  return (
    <a
      href={hrefOf(to)}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
