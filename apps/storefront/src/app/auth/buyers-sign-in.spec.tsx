import { fireEvent, screen, waitFor } from '@testing-library/react';
import { startFakeMarket, type FakeMarket } from '../../testing/fake-market';
import { disposeSessions, renderStorefront } from '../../testing/render-storefront';
import { REFRESH_TOKEN_KEY } from './session-store';

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText(/用户名/), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/^密码/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('buyers sign in to the storefront', () => {
  let market: FakeMarket;
  beforeEach(async () => {
    market = await startFakeMarket();
  });
  afterEach(async () => {
    disposeSessions();
    await market.close();
  });

  it('sends a signed-out reader to sign in and then to the page asked for', async () => {
    const { router, storage } = renderStorefront(market, '/allowance');
    expect(await screen.findByRole('heading', { level: 1, name: '干部职工登录' })).toBeInTheDocument();
    signIn('buyer-czj', 'Fupin@2020demo');
    expect(await screen.findByRole('heading', { level: 1, name: '我的补贴' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/allowance');
    expect(screen.getByRole('banner')).toHaveTextContent('财政局 张伟');
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toMatch(/^rt_/);
  });

  it('says the password is wrong with the tries left, and refuses a staff account', async () => {
    renderStorefront(market, '/login');
    signIn('buyer-czj', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不对。再输错 4 次');
    signIn('fc-supermarket', 'Fupin@2020demo');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('这个账号不是干部职工采购账号'));
    await waitFor(() => expect(market.calls('POST', '/api/registry/auth/logout')).toHaveLength(1));
  });

  it('keeps the session over a reload and signs out', async () => {
    renderStorefront(market, '/orders', { as: 'buyer-czj' });
    expect(await screen.findByRole('heading', { level: 1, name: '我的订单' })).toBeInTheDocument();
    expect(await screen.findByText('还没有订单')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '干部职工登录' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('您已退出登录。');
  });
});
