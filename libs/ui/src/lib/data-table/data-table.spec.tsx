import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { DataTable, type DataTableColumn } from './data-table';

interface Household {
  id: string;
  head: string;
  points: number;
}

const columns: DataTableColumn<Household>[] = [
  { key: 'head', header: '户主', render: (row) => row.head, rowHeader: true },
  { key: 'points', header: '积分', render: (row) => row.points, align: 'end' },
];

const rows: Household[] = [
  { id: 'h1', head: '王大山', points: 120 },
  { id: 'h2', head: '李秀英', points: 85 },
];

describe('DataTable', () => {
  it('renders a captioned table with column and row headers', () => {
    renderWithI18n(<DataTable caption="本月积分" columns={columns} rows={rows} rowKey={(row) => row.id} />);
    const table = screen.getByRole('table', { name: '本月积分' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['户主', '积分']);
    expect(within(table).getByRole('rowheader', { name: '李秀英' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '120' })).toHaveClass('fp-align-end');
    expect(screen.getByRole('region', { name: '本月积分' })).toHaveAttribute('tabindex', '0');
  });

  it('shows the empty state instead of an empty table', () => {
    renderWithI18n(<DataTable caption="本月积分" columns={columns} rows={[]} rowKey={(row) => row.id} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('这里还没有内容')).toBeInTheDocument();
  });

  it('pages forward and back, disabling the buttons at the ends', () => {
    const onPageChange = jest.fn();
    const { rerender } = renderWithI18n(
      <DataTable
        caption="农户"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        pagination={{ page: 1, pageSize: 2, total: 5, onPageChange }}
      />,
    );
    const pages = screen.getByRole('navigation', { name: '翻页' });
    expect(pages).toHaveTextContent('第 1 页，共 3 页（5 条）');
    expect(within(pages).getByRole('button', { name: '上一页' })).toBeDisabled();
    fireEvent.click(within(pages).getByRole('button', { name: '下一页' }));
    expect(onPageChange).toHaveBeenCalledWith(2);

    rerender(
      <DataTable
        caption="农户"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        pagination={{ page: 3, pageSize: 2, total: 5, onPageChange }}
      />,
    );
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  });
});

describe('DataTable stacked on a phone', () => {
  it('labels every cell with its column header so a row can be read as a card', () => {
    const { container } = renderWithI18n(
      <DataTable caption="本月积分" columns={columns} rows={rows} rowKey={(row) => row.id} stackOnPhone />,
    );
    expect(container.firstChild).toHaveClass('fp-data-table--stack');
    expect(screen.getByRole('rowheader', { name: '王大山' })).toHaveAttribute('data-label', '户主');
    expect(screen.getByRole('cell', { name: '120' })).toHaveAttribute('data-label', '积分');
  });

  it('leaves cells unlabelled unless asked', () => {
    renderWithI18n(<DataTable caption="本月积分" columns={columns} rows={rows} rowKey={(row) => row.id} />);
    expect(screen.getByRole('cell', { name: '120' })).not.toHaveAttribute('data-label');
  });
});
