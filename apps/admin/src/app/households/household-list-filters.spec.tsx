import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

/** The query string of the last household list request. */
function lastListQuery(registry: FakeRegistry): Record<string, string> {
  const call = registry.calls('/api/registry/households').at(-1)!;
  return Object.fromEntries(new URL(call.url, 'http://x').searchParams);
}

function heads(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('the household list', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('filters by poverty status and sub-class, offering only the sub-classes of the chosen class', async () => {
    const { router } = renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: '贫困状态' }), { target: { value: 'monitored' } });
    expect(await screen.findByText('共 11 户')).toBeInTheDocument();
    expect(lastListQuery(registry)).toMatchObject({ povertyStatus: 'monitored', page: '1', pageSize: '20' });
    expect(router.state.location.search).toBe('?status=monitored');

    fireEvent.change(screen.getByRole('combobox', { name: '户分三类' }), { target: { value: 'weak' } });
    const sub = screen.getByRole('combobox', { name: '户类别' });
    expect(
      within(sub)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['全部', '可脱户', '沉底户']);
    fireEvent.change(sub, { target: { value: 'deep' } });
    await waitFor(() =>
      expect(lastListQuery(registry)).toMatchObject({
        labourClass: 'weak',
        subClass: 'deep',
        povertyStatus: 'monitored',
      }),
    );
    expect(await screen.findByText(/^共 \d+ 户$/)).toBeInTheDocument();
  });

  it('narrows by town and village, loading each level when the one above is chosen', async () => {
    renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    const village = screen.getByRole('combobox', { name: '行政村' });
    expect(village).toBeDisabled();
    const town = screen.getByRole('combobox', { name: '乡镇' });
    await waitFor(() => expect(within(town).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(town, { target: { value: '411322104' } });
    expect(await screen.findByText('共 30 户')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: '行政村' })).toBeEnabled());
    fireEvent.change(screen.getByRole('combobox', { name: '行政村' }), { target: { value: '411322104202' } });
    expect(await screen.findByText('共 15 户')).toBeInTheDocument();
    expect(lastListQuery(registry)).toMatchObject({ regionCode: '411322104202' });
    expect(heads()[0]).toBe(registry.households[15]!.headName);
  });

  it('searches by name or number, finds locked cards, and sorts', async () => {
    renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: /搜索/ }), {
      target: { value: '4113221052010003' },
    });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('共 1 户')).toBeInTheDocument();
    expect(lastListQuery(registry)).toMatchObject({ q: '4113221052010003' });

    fireEvent.click(screen.getByRole('button', { name: '清空条件' }));
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: '只看已锁定的积分卡' }));
    expect(await screen.findByText('共 1 户')).toBeInTheDocument();
    expect(lastListQuery(registry)).toMatchObject({ cardLocked: 'true' });
    expect(screen.getByRole('table')).toHaveTextContent('已锁定');

    fireEvent.click(screen.getByRole('checkbox', { name: '只看已锁定的积分卡' }));
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'headName' } });
    await waitFor(() => expect(lastListQuery(registry)).toMatchObject({ sort: 'headName' }));
  });

  it('pages through the list', async () => {
    renderAdmin(registry, '/households', { as: 'fc-admin' });
    expect(await screen.findByText('共 45 户')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '翻页' })).toHaveTextContent('第 1 页，共 3 页（45 条）');
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(lastListQuery(registry)).toMatchObject({ page: '2' }));
    expect(await screen.findByRole('link', { name: '4113221042020006' })).toBeInTheDocument();
  });

  it('offers a village administrator only the groups of their own village', async () => {
    renderAdmin(registry, '/households', { as: 'yanshanpu-admin' });
    expect(await screen.findByText('共 15 户')).toBeInTheDocument();
    expect(screen.getByText('范围：方城县 / 独树镇 / 砚山铺村')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '乡镇' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '行政村' })).not.toBeInTheDocument();
    const group = screen.getByRole('combobox', { name: '村民小组' });
    await waitFor(() =>
      expect(
        within(group)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['全部村民小组', '第一村民小组', '第二村民小组']),
    );
  });

  it('says so when nothing matches', async () => {
    renderAdmin(registry, '/households?q=没有这个人', { as: 'fc-admin' });
    expect(await screen.findByText('没有符合条件的农户')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
