import { act, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

// The registry's own entries; the points, produce and dividends entries have their own specs.
const REGISTRY_MENU = ['工作台', '行政区划', '农户', '机构', '用户与角色', '审计日志', '修改密码'];

async function menu(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: '主菜单' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '')
    .filter((item) => REGISTRY_MENU.includes(item));
}

describe('what each role sees', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('gives the county administrator every page', async () => {
    renderAdmin(registry, '/', { as: 'fc-admin' });
    expect(await menu()).toEqual([
      '工作台',
      '行政区划',
      '农户',
      '机构',
      '用户与角色',
      '审计日志',
      '修改密码',
    ]);
  });

  it('keeps users and the audit log from a village administrator, even by address', async () => {
    renderAdmin(registry, '/users', { as: 'yanshanpu-admin' });
    expect(await menu()).toEqual(['工作台', '行政区划', '农户', '机构', '修改密码']);
    expect(screen.getByRole('heading', { level: 1, name: '没有权限' })).toBeInTheDocument();
    expect(screen.getByText(/您的账号（村级管理员（村两委））不能使用这个页面/)).toBeInTheDocument();
    expect(registry.calls('/api/registry/users')).toHaveLength(0);
  });

  it('shows a buyer neither households nor users', async () => {
    renderAdmin(registry, '/households', { as: 'buyer-czj' });
    expect(await menu()).toEqual(['工作台', '行政区划', '机构', '修改密码']);
    expect(screen.getByRole('heading', { level: 1, name: '没有权限' })).toBeInTheDocument();
  });

  it('lets the auditor read households but offers no register, import or edit', async () => {
    const { router } = renderAdmin(registry, '/households', { as: 'fc-auditor' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '登记新农户' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '批量导入' })).not.toBeInTheDocument();
    await act(() => router.navigate(`/households/${registry.households[0]!.id}`));
    expect(await screen.findByRole('heading', { level: 1, name: '马东升户' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '编辑' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '变更贫困状态' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '查看完整账号' })).not.toBeInTheDocument();
    await act(() => router.navigate(`/households/${registry.households[0]!.id}/edit`));
    expect(await screen.findByRole('heading', { level: 1, name: '没有权限' })).toBeInTheDocument();
  });

  it('gives the store keeper the PIN and card unlock, but not household edits', async () => {
    renderAdmin(registry, `/households/${registry.households[4]!.id}`, { as: 'yanshanpu-store' });
    expect(await screen.findByRole('heading', { name: '积分卡与终端密码' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '解锁积分卡' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '编辑' })).not.toBeInTheDocument();
  });

  it('lets only the county administrator reveal a bank account', async () => {
    renderAdmin(registry, `/households/${registry.households[0]!.id}`, { as: 'fc-admin' });
    expect(await screen.findByRole('button', { name: '查看完整账号' })).toBeInTheDocument();
  });

  it('sends a signed-out reader to the login page from any page', async () => {
    const { router } = renderAdmin(registry, '/audit');
    expect(await screen.findByRole('heading', { level: 1, name: '登录管理后台' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(screen.queryByRole('navigation', { name: '主菜单' })).not.toBeInTheDocument();
  });
});
