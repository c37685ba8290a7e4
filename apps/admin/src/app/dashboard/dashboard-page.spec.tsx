import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

/** The table's body rows as [service, status, checks] text. */
function statusRows(): string[][] {
  const table = screen.getByRole('table', { name: /系统状态|System status/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...within(row).getAllByRole('rowheader'), ...within(row).getAllByRole('cell')].map(
        (cell) => cell.textContent ?? '',
      ),
    );
}

describe('admin dashboard against real health endpoints', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('greets the signed-in user, offers their shortcuts and shows each service as 正常', async () => {
    renderAdmin(registry, '/', { as: 'yanshanpu-admin' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument();
    expect(screen.getByText(/您好，砚山铺村 村两委。您以“村级管理员（村两委）”身份登录/)).toBeInTheDocument();
    const shortcuts = screen.getByRole('navigation', { name: '常用功能' });
    expect(
      within(shortcuts)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['农户', '登记新农户', '批量导入', '行政区划', '机构']);
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
    expect(statusRows()).toEqual([
      ['农户登记', '✓正常', '数据库 ✓正常'],
      ['爱心积分', '✓正常', '数据库 ✓正常'],
      ['扶贫超市', '✓正常', '数据库 ✓正常'],
      ['分红', '✓正常', '数据库 ✓正常'],
    ]);
  });

  it('tells a database failure apart from a service that cannot be reached, and rechecks', async () => {
    registry.setHealth('database-down', 'ledger');
    registry.setHealth('unreachable', 'dividends');
    renderAdmin(registry, '/', { as: 'fc-admin' });
    await waitFor(() => expect(screen.getByText('有服务异常，请联系管理员')).toBeInTheDocument());
    const rows = statusRows();
    expect(rows[1]).toEqual(['爱心积分', '✕异常', '数据库 ✕异常']);
    expect(rows[3]).toEqual(['分红', '✕异常', '连不上这个服务']);

    registry.setHealth('up');
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
  });

  it('switches to English', async () => {
    renderAdmin(registry, '/', { as: 'fc-admin' });
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('All systems OK')).toBeInTheDocument());
    expect(statusRows()[2]).toEqual(['Market', '✓OK', 'Database ✓OK']);
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toHaveTextContent('Households');
  });

  it('shows not found for an unknown address', async () => {
    renderAdmin(registry, '/households/42/nothing', { as: 'fc-admin' });
    expect(await screen.findByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
  });
});
