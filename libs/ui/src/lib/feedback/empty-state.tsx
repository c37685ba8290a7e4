import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** What the reader can do next, e.g. a button or link. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <section className="fp-state fp-state--empty">
      <p className="fp-state__title">{title}</p>
      {description ? <p className="fp-state__description">{description}</p> : null}
      {action ? <div className="fp-state__action">{action}</div> : null}
    </section>
  );
}
