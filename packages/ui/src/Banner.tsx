import type { ReactNode } from 'react';

type Props = { tone: 'danger' | 'warning' | 'info'; children: ReactNode; action?: { label: string; onClick(): void } };

/** A status line across the top of every screen. */
export function Banner({ tone, children, action }: Props) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <span className="banner-text">{children}</span>
      {action ? (
        <button type="button" className="banner-action" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
