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
}

export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  pagination,
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
    <div className="fp-data-table">
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
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
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
