import type { ReactNode } from 'react';

export interface DetailItem {
  label: ReactNode;
  value: ReactNode;
  /** Stable key when the label is not a string. */
  key?: string;
}

/** Label–value pairs (a <dl>), two columns on a desk, one on a phone. */
export function DetailList({ items }: { items: readonly DetailItem[] }) {
  return (
    <dl className="admin-details">
      {items.map((item, index) => (
        <div
          className="admin-details__item"
          key={item.key ?? (typeof item.label === 'string' ? item.label : index)}
        >
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
