import { unreachableUrl } from '@fupin/api-client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';
import { REFRESH_TOKEN_KEY } from './session-store';

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText(/用户名/), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/^密码/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('signing in to the admin', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('sends a signed-out reader to the login page and back to the page asked for', async () => {
    const { storage, router } = renderAdmin(registry, '/households');
    expect(await screen.findByRole('heading', { level: 1, name: '登录管理后台' })).toBeInTheDocument();
    signIn('fc-admin', 'Fupin@2020demo');
    expect(await screen.findByRole('heading', { level: 1, name: '农户' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/households');
    expect(screen.getByRole('banner')).toHaveTextContent('县扶贫办 刘志强');
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toMatch(/^rt_/);
    // The access token is kept in memory only.
    expect([...storage.values.values()].some((value) => value.startsWith('at-'))).toBe(false);
  });

  it('says the password is wrong and how many tries are left, then that the account is locked', async () => {
    renderAdmin(registry, '/login');
    signIn('fc-admin', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '用户名或密码不对。再输错 4 次，账户将被锁定 15 分钟。',
    );
    expect(screen.getByLabelText(/^密码/)).toHaveValue('');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      signIn('fc-admin', 'wrong-password');
      await waitFor(() => expect(registry.calls('/api/registry/auth/login')).toHaveLength(attempt));
    }
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('账户已被锁定到'));
    expect(screen.getByRole('alert')).toHaveTextContent('请到时再试，或请管理员解锁');
  });

  it('asks for both fields before sending anything', async () => {
    renderAdmin(registry, '/login');
    fireEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect(screen.getByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(registry.calls('/api/registry/auth/login')).toHaveLength(0);
  });

  it('tells a disabled account and a household account apart', async () => {
    renderAdmin(registry, '/login');
    signIn('retired', 'Fupin@2020demo');
    expect(await screen.findByRole('alert')).toHaveTextContent('这个账户已停用');
    signIn('villager', 'Fupin@2020demo');
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('这是农户账号，只能在村爱心超市的自助终端使用。'),
    );
    // The household's session is ended at once, not kept.
    await waitFor(() => expect(registry.calls('/api/registry/auth/logout')).toHaveLength(1));
    expect(screen.getByRole('heading', { level: 1, name: '登录管理后台' })).toBeInTheDocument();
  });

  it('keeps the session over a reload, and signing out ends it at the registry', async () => {
    const { storage, router } = renderAdmin(registry, '/', { as: 'yanshanpu-admin' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument();
    expect(registry.calls('/api/registry/auth/refresh')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录管理后台' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('您已退出登录。');
    expect(storage.values.has(REFRESH_TOKEN_KEY)).toBe(false);
    await waitFor(() => expect(registry.calls('/api/registry/auth/logout')).toHaveLength(1));
    expect(router.state.location.pathname).toBe('/login');
  });

  it('renews an expired access token silently and repeats the request once', async () => {
    renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    registry.expireAccessTokens();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    // Page 2 starts with the 21st household, the sixth of 扳倒井村.
    expect(await screen.findByRole('link', { name: '4113221042020006' })).toBeInTheDocument();
    expect(registry.calls('/api/registry/auth/refresh')).toHaveLength(2); // restore + the silent renewal
    const listCalls = registry.calls('/api/registry/households');
    expect(listCalls.slice(-2).map((call) => call.headers['authorization'])).toEqual([
      expect.stringMatching(/^Bearer at-\d+-fc-admin$/),
      expect.stringMatching(/^Bearer at-\d+-fc-admin$/),
    ]);
    expect(listCalls.at(-1)!.headers['authorization']).not.toBe(listCalls.at(-2)!.headers['authorization']);
  });

  it('sends the reader back to the login page, saying why, when the session cannot be renewed', async () => {
    const { storage } = renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    registry.expireAccessTokens();
    // The registry forgets the session (e.g. the account was disabled elsewhere).
    registry.users.find((user) => user.username === 'fc-admin')!.active = false;
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录管理后台' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('登录已过期，请重新登录。');
    expect(storage.values.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  it('changes the password and carries on with the new session', async () => {
    renderAdmin(registry, '/', { as: 'new-clerk' });
    // A temporary password must be changed before anything else.
    expect(await screen.findByRole('heading', { level: 1, name: '修改密码' })).toBeInTheDocument();
    expect(screen.getByText(/这是管理员为您设置的临时密码/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/当前密码/), { target: { value: 'Fupin@2020demo' } });
    fireEvent.change(screen.getByLabelText(/^新密码/), { target: { value: 'short1' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(screen.getByText('新密码太短：至少 10 位')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^新密码/), { target: { value: 'Shimen2020village' } });
    fireEvent.change(screen.getByLabelText(/再输一遍新密码/), { target: { value: 'Shimen2020village' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText('密码已修改。其他设备上的登录已退出。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '工作台' }));
    expect(await screen.findByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument();
  });
});

describe('signing in with the network down', () => {
  it('says the network is down, not that the password is wrong', async () => {
    renderAdmin({ url: await unreachableUrl(), signedIn: () => '' }, '/login');
    signIn('fc-admin', 'Fupin@2020demo');
    expect(await screen.findByRole('alert')).toHaveTextContent('网络连不上');
    disposeSessions();
  });
});
