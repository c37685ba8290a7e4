import type { ReactNode } from 'react';
import type { StatusTone } from './status-badge';

export interface NoticeProps {
  /** `error` and `warning` interrupt a screen reader (alert); the others are read when it is idle. */
  tone: Exclude<StatusTone, 'pending'>;
  title?: ReactNode;
  children?: ReactNode;
  /** What the reader can do about it, e.g. a reload button. */
  action?: ReactNode;
}

const SYMBOLS = { ok: '✓', error: '✕', warning: '!', neutral: 'i' } as const;

/** A message inside a page (saved, conflict, warning), as opposed to a whole-page state. */
export function Notice({ tone, title, children, action }: NoticeProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`fp-notice fp-notice--${tone}`} role={urgent ? 'alert' : 'status'}>
      <span className="fp-notice__symbol" aria-hidden="true">
        {SYMBOLS[tone]}
      </span>
      <div className="fp-notice__body">
        {title ? <p className="fp-notice__title">{title}</p> : null}
        {children ? <div className="fp-notice__text">{children}</div> : null}
        {action ? <div className="fp-notice__action">{action}</div> : null}
      </div>
    </div>
  );
}
