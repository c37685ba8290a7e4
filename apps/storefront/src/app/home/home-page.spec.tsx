import { startHealthServer, type HealthServer } from '@fupin/api-client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { disposeSessions, renderStorefront as render } from '../../testing/render-storefront';

function renderStorefront(baseUrl: string, path = '/') {
  return render({ url: baseUrl }, path);
}

function statusPanel(): HTMLElement {
  return screen.getByRole('region', { name: /系统状态|System status/ });
}

describe('storefront home against real health endpoints', () => {
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => {
    disposeSessions();
    return server.close();
  });

  it('greets buyers in Chinese and lists the four services as 正常 with their database', async () => {
    renderStorefront(server.url);
    expect(screen.getByRole('heading', { level: 1, name: '买农家好货，助乡亲增收' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');

    await waitFor(() => expect(within(statusPanel()).getByText('全部正常')).toBeInTheDocument());
    const items = within(statusPanel())
      .getAllByRole('listitem')
      .filter((item) => item.dataset['service']);
    expect(items.map((item) => item.dataset['service'])).toEqual([
      'registry',
      'ledger',
      'market',
      'dividends',
    ]);
    for (const item of items) {
      expect(within(item).getAllByText('正常')).toHaveLength(2);
      expect(item).toHaveTextContent('数据库');
    }
  });

  it('shows a service with its database down as 异常 while the others stay 正常', async () => {
    server.setScenario('database-down', 'market');
    renderStorefront(server.url);
    await waitFor(() =>
      expect(within(statusPanel()).getByText('有服务异常，请联系管理员')).toBeInTheDocument(),
    );
    const market = statusPanel().querySelector<HTMLElement>('[data-service="market"]')!;
    expect(within(market).getAllByText('异常')).toHaveLength(2);
  });

  it('says plainly that the network is down, and recovers on retry', async () => {
    server.setScenario('unreachable');
    renderStorefront(server.url);
    const alert = await within(statusPanel()).findByRole('alert');
    expect(alert).toHaveTextContent('网络连不上');

    server.setScenario('up');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(within(statusPanel()).getByText('全部正常')).toBeInTheDocument());
  });

  it('switches to English', async () => {
    renderStorefront(server.url);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Buy farm produce, raise village incomes' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(statusPanel()).getByText('All systems OK')).toBeInTheDocument());
  });

  it('offers shopping and signing in to a reader who is not signed in', () => {
    renderStorefront(server.url);
    expect(screen.getByRole('link', { name: '去选购' })).toHaveAttribute('href', '/products');
    expect(within(screen.getByRole('main')).getByRole('link', { name: '登录' })).toHaveAttribute(
      'href',
      '/login',
    );
  });

  it('shows not found for an unknown address', () => {
    renderStorefront(server.url, '/no-such-page');
    expect(screen.getByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');
  });
});
