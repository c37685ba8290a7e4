import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../feedback/empty-state';
import { Pagination, type PaginationProps } from './pagination';

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Numbers (points, yuan) read best aligned to the end. */
  align?: 'start' | 'end' | 'center';
  /** Marks this column's cell as the row's header for screen readers. */
  rowHeader?: boolean;
  /** The header as plain text, for stacked rows on a phone when `header` is not a string. */
  label?: string;
}

export interface DataTableProps<Row> {
  /** Names the table for screen readers and print; shown unless `captionHidden`. */
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  pagination?: PaginationProps;
  /**
   * On a phone, show each row as a card of “header: value” lines instead of a table that scrolls
   * sideways. Column headers that are not plain text need a `label` for this.
   */
  stackOnPhone?: boolean;
}

export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  pagination,
  stackOnPhone = false,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const captionId = useId();
  if (rows.length === 0) {
    return (
      <div className="fp-data-table fp-data-table--empty">
        {empty ?? <EmptyState title={t('common.empty')} />}
      </div>
    );
  }
  return (
    <div className={`fp-data-table${stackOnPhone ? ' fp-data-table--stack' : ''}`}>
      {/* Scrolls sideways on a phone; focusable so keyboard users can scroll it too. */}
      <div className="fp-data-table__scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="fp-table">
          <caption id={captionId} className={captionHidden ? 'fp-visually-hidden' : undefined}>
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={`fp-align-${column.align ?? 'start'}`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = `fp-align-${column.align ?? 'start'}`;
                  const label = stackOnPhone
                    ? (column.label ?? (typeof column.header === 'string' ? column.header : undefined))
                    : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className} data-label={label}>
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className} data-label={label}>
                      {column.render(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination ? <Pagination {...pagination} /> : null}
    </div>
  );
}
