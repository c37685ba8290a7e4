import { startHealthServer, unreachableUrl, type HealthServer } from '@fupin/api-client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CREDENTIAL, startFakeKioskBackend, type FakeKioskBackend } from '../../testing/fake-kiosk-backend';
import { renderKiosk } from '../../testing/render-kiosk';
import { CREDENTIAL_STORAGE_KEY } from '../device/credential-storage';

function tile(service: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-service="${service}"]`)!;
}

describe('a kiosk without its device credential', () => {
  let backend: FakeKioskBackend;

  beforeEach(async () => {
    backend = await startFakeKioskBackend();
  });

  afterEach(() => backend.close());

  it('opens the set-up screen, refuses a malformed or wrong credential, and keeps a checked one', async () => {
    const { router } = renderKiosk(backend.url, { credential: null });
    expect(await screen.findByRole('heading', { level: 1, name: '终端设置' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');
    expect(screen.getByText('本终端还没有设置凭证。')).toBeInTheDocument();

    const field = screen.getByRole('textbox', { name: /终端凭证/ });
    fireEvent.change(field, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并保存' }));
    expect(await screen.findByText('凭证格式不对：应为“终端编号.密钥”。')).toBeInTheDocument();
    expect(backend.calls('GET', '/api/registry/auth/kiosk/device')).toHaveLength(0);

    fireEvent.change(field, { target: { value: CREDENTIAL.replace('0001', '9999') } });
    fireEvent.click(screen.getByRole('button', { name: '验证并保存' }));
    expect(await screen.findByText('凭证不正确或已被更换，请重新从管理后台复制。')).toBeInTheDocument();
    expect(localStorage.getItem(CREDENTIAL_STORAGE_KEY)).toBeNull();

    fireEvent.change(field, { target: { value: ` ${CREDENTIAL} ` } });
    fireEvent.click(screen.getByRole('button', { name: '验证并保存' }));
    expect(await screen.findByText('已保存。本终端属于：砚山铺村爱心超市（砚山铺村）')).toBeInTheDocument();
    expect(localStorage.getItem(CREDENTIAL_STORAGE_KEY)).toBe(CREDENTIAL);
    expect(screen.getByTestId('kiosk-current')).toHaveTextContent(
      '本终端：一号自助终端，砚山铺村爱心超市（砚山铺村）',
    );
    expect(
      backend.calls('GET', '/api/registry/auth/kiosk/device').at(-1)!.headers['x-kiosk-credential'],
    ).toBe(CREDENTIAL);

    fireEvent.click(screen.getByRole('link', { name: '去首页' }));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('砚山铺村爱心超市');
  });

  it('forgets the credential on request, after which the kiosk cannot be used', async () => {
    const { router } = renderKiosk(backend.url, { path: '/setup', credential: CREDENTIAL });
    await waitFor(() => expect(screen.getByTestId('kiosk-current')).toHaveTextContent('一号自助终端'));
    fireEvent.click(screen.getByRole('button', { name: '清除本机凭证' }));
    fireEvent.click(screen.getByRole('button', { name: '不清除' }));
    expect(localStorage.getItem(CREDENTIAL_STORAGE_KEY)).toBe(CREDENTIAL);
    fireEvent.click(screen.getByRole('button', { name: '清除本机凭证' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      '清除后，这台终端在重新设置前不能给村民使用。确定要清除吗？',
    );
    fireEvent.click(screen.getByRole('button', { name: '确定清除' }));
    expect(screen.getByText('已清除。终端在重新设置前不能使用。')).toBeInTheDocument();
    expect(localStorage.getItem(CREDENTIAL_STORAGE_KEY)).toBeNull();
    await router.navigate('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/setup')); // the start screen sends it back
    await waitFor(() => expect(screen.getByText('本终端还没有设置凭证。')).toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1, name: '终端设置' })).toBeInTheDocument();
  });

  it('sends a kiosk whose credential was replaced to a plain message with the way to set-up', async () => {
    renderKiosk(backend.url, { credential: CREDENTIAL.replace('0001', '7777') });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这台终端还没有设置好，请联系超市管理员。');
    fireEvent.click(screen.getByRole('link', { name: '终端设置（管理员）' }));
    expect(await screen.findByRole('heading', { level: 1, name: '终端设置' })).toBeInTheDocument();
  });
});

describe('set-up screen system status against real health endpoints', () => {
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => server.close());

  it('shows all four services as 正常 with their database', async () => {
    renderKiosk(server.url, { path: '/setup', credential: null });
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
    }
  });

  it('marks a service whose database is down as 异常 and says a service is down', async () => {
    server.setScenario('database-down', 'ledger');
    renderKiosk(server.url, { path: '/setup', credential: null });
    await waitFor(() => expect(screen.getByText('有服务异常，请联系管理员')).toBeInTheDocument());
    expect(within(tile('ledger')).getAllByText('异常')).toHaveLength(2);
  });

  it('says the network is down when nothing answers, and recovers on retry', async () => {
    server.setScenario('unreachable');
    renderKiosk(server.url, { path: '/setup', credential: null });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('连不上服务器');
    server.setScenario('up');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.getByText('全部正常')).toBeInTheDocument());
  });

  it('switches the whole screen to English', async () => {
    renderKiosk(server.url, { path: '/setup', credential: null });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Kiosk set-up' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('All systems OK')).toBeInTheDocument());
  });
});

describe('kiosk routes', () => {
  it('shows not found with a way home for an unknown address', async () => {
    renderKiosk(await unreachableUrl(), { path: '/no-such-screen', credential: null });
    expect(screen.getByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '回到首页' }));
    expect(await screen.findByRole('heading', { name: '终端设置' })).toBeInTheDocument();
  });
});
