import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'error' | 'warning' | 'pending' | 'neutral';

// A symbol beside the colour, so the status reads without colour vision and in black-and-white print.
const SYMBOLS: Readonly<Record<StatusTone, string>> = {
  ok: '✓',
  error: '✕',
  warning: '!',
  pending: '…',
  neutral: '•',
};

export interface StatusBadgeProps {
  tone: StatusTone;
  children: ReactNode;
}

export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return (
    <span className={`fp-badge fp-badge--${tone}`}>
      <span className="fp-badge__symbol" aria-hidden="true">
        {SYMBOLS[tone]}
      </span>
      {children}
    </span>
  );
}
