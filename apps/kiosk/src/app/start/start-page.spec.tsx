import { createApiClient } from '@fupin/api-client';
import { startHealthServer, unreachableUrl, type HealthServer } from '@fupin/api-client/testing';
import { AppProviders, createI18n } from '@fupin/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { kioskRoutes } from '../kiosk-routes';
import { KIOSK_STRINGS } from '../kiosk-strings';

function renderKiosk(baseUrl: string, path = '/') {
  const router = createMemoryRouter(kioskRoutes, { initialEntries: [path] });
  const i18n = createI18n(KIOSK_STRINGS, { storage: null });
  return render(
    <AppProviders i18n={i18n} client={createApiClient({ baseUrl })}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

function tile(service: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-service="${service}"]`)!;
}

describe('kiosk start screen against real health endpoints', () => {
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => server.close());

  it('welcomes the villager in Chinese and shows all four services as 正常 with their database', async () => {
    renderKiosk(server.url);
    expect(screen.getByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByText('请刷卡或输入积分卡号')).toBeInTheDocument();
    expect(within(tile('ledger')).getByText('检查中…')).toBeInTheDocument();

    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
    for (const [service, name] of [
      ['registry', '农户登记'],
      ['ledger', '爱心积分'],
      ['market', '扶贫超市'],
      ['dividends', '分红'],
    ] as const) {
      expect(tile(service)).toHaveTextContent(name);
      expect(within(tile(service)).getAllByText('正常')).toHaveLength(2); // the service and its database
      expect(tile(service)).toHaveTextContent('数据库');
    }
    expect(server.requests.map((request) => request.url).sort()).toEqual([
      '/api/dividends/health',
      '/api/ledger/health',
      '/api/market/health',
      '/api/registry/health',
    ]);
  });

  it('marks a service whose database is down as 异常 and says a service is down', async () => {
    server.setScenario('database-down', 'ledger');
    renderKiosk(server.url);
    await waitFor(() => expect(screen.getByText('有服务异常，请联系管理员')).toBeInTheDocument());
    expect(within(tile('ledger')).getAllByText('异常')).toHaveLength(2);
    expect(within(tile('market')).getAllByText('正常')).toHaveLength(2);
  });

  it('says a single unreachable service cannot be reached', async () => {
    server.setScenario('unreachable', 'dividends');
    renderKiosk(server.url);
    await waitFor(() => expect(within(tile('dividends')).getByText('连不上这个服务')).toBeInTheDocument());
    expect(within(tile('dividends')).getByText('异常')).toBeInTheDocument();
  });

  it('says the network is down when nothing answers, and recovers on retry', async () => {
    server.setScenario('unreachable');
    renderKiosk(server.url);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('连不上服务器');
    expect(alert).toHaveTextContent('网络连不上');

    server.setScenario('up');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('switches the whole screen to English', async () => {
    renderKiosk(server.url);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Welcome to the Love Supermarket' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('All systems OK')).toBeInTheDocument());
    expect(tile('ledger')).toHaveTextContent('Love points');
  });
});

describe('kiosk routes', () => {
  it('shows not found with a way home for an unknown address', async () => {
    renderKiosk(await unreachableUrl(), '/no-such-screen');
    expect(screen.getByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '回到首页' }));
    expect(await screen.findByRole('heading', { name: '欢迎来到爱心超市' })).toBeInTheDocument();
  });
});
