import { createApiClient } from '@fupin/api-client';
import { startHealthServer, unreachableUrl, type HealthServer } from '@fupin/api-client/testing';
import { AppProviders, createI18n } from '@fupin/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { adminRoutes } from '../admin-routes';
import { ADMIN_STRINGS } from '../admin-strings';

function renderAdmin(baseUrl: string, path = '/') {
  const router = createMemoryRouter(adminRoutes, { initialEntries: [path] });
  return render(
    <AppProviders i18n={createI18n(ADMIN_STRINGS, { storage: null })} client={createApiClient({ baseUrl })}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

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
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => server.close());

  it('shows each service as 正常 with its database check in a table', async () => {
    renderAdmin(server.url);
    expect(screen.getByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
    expect(statusRows()).toEqual([
      ['农户登记', '✓正常', '数据库 ✓正常'],
      ['爱心积分', '✓正常', '数据库 ✓正常'],
      ['扶贫超市', '✓正常', '数据库 ✓正常'],
      ['分红', '✓正常', '数据库 ✓正常'],
    ]);
  });

  it('tells a database failure apart from a service that cannot be reached', async () => {
    server.setScenario('database-down', 'registry');
    server.setScenario('unreachable', 'dividends');
    renderAdmin(server.url);
    await waitFor(() => expect(screen.getByText('有服务异常，请联系管理员')).toBeInTheDocument());
    const rows = statusRows();
    expect(rows[0]).toEqual(['农户登记', '✕异常', '数据库 ✕异常']);
    expect(rows[3]).toEqual(['分红', '✕异常', '连不上这个服务']);
  });

  it('rechecks on request and shows a service that came back', async () => {
    server.setScenario('database-down', 'ledger');
    renderAdmin(server.url);
    await waitFor(() => expect(screen.getByText('有服务异常，请联系管理员')).toBeInTheDocument());

    server.setScenario('up');
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
  });

  it('switches to English', async () => {
    renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('All systems OK')).toBeInTheDocument());
    expect(statusRows()[2]).toEqual(['Market', '✓OK', 'Database ✓OK']);
  });
});

describe('admin dashboard with the network down', () => {
  it('says so plainly and offers a retry', async () => {
    renderAdmin(await unreachableUrl());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('连不上服务器');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeEnabled();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows not found for an unknown address', async () => {
    renderAdmin(await unreachableUrl(), '/households/42');
    expect(screen.getByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
  });
});
