import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

describe('changing a household that someone else changed meanwhile', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('says plainly that the save was refused, reloads the latest version, and then saves', async () => {
    const household = registry.households[0]!;
    const { router } = renderAdmin(registry, `/households/${household.id}/edit`, { as: 'yanshanpu-admin' });
    const phone = await screen.findByRole('textbox', { name: '联系电话' });
    expect(phone).toHaveValue('13986945123');
    fireEvent.change(phone, { target: { value: '13800000001' } });

    registry.editElsewhere(household.id, '13900000002');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('保存没有成功：这户的信息已被别人修改过');
    const patch = registry
      .calls(`/api/registry/households/${household.id}`)
      .find((call) => call.method === 'PATCH')!;
    expect(JSON.parse(patch.body)).toEqual({ phone: '13800000001', expectedVersion: 1 });
    expect(household.phone).toBe('13900000002');

    fireEvent.click(within(alert).getByRole('button', { name: '放弃我的修改，重新加载最新信息' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveValue('13900000002'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: '联系电话' }), { target: { value: '13800000001' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('修改已保存，已记入变更记录。')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/households/${household.id}`);
    expect(household).toMatchObject({ phone: '13800000001', version: 3 });
  });

  it('saves a member change without retyping ID numbers: the members on record keep theirs', async () => {
    const household = registry.households[0]!;
    const [head, spouse] = household.members;
    renderAdmin(registry, `/households/${household.id}/edit`, { as: 'yanshanpu-admin' });
    fireEvent.click(await screen.findByRole('button', { name: '修改家庭成员' }));
    expect(screen.getByText('已登记 411322********355X，不改请留空')).toBeInTheDocument();
    const capacities = screen.getAllByRole('combobox', { name: /劳动能力/ });
    fireEvent.change(capacities[1]!, { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('修改已保存，已记入变更记录。')).toBeInTheDocument();
    const patch = registry
      .calls(`/api/registry/households/${household.id}`)
      .find((call) => call.method === 'PATCH')!;
    const members = JSON.parse(patch.body).members as Array<Record<string, unknown>>;
    expect(members.map((m) => [m['id'], m['labourCapacity'], 'idNumber' in m])).toEqual([
      [head!.id, 'full', false],
      [spouse!.id, 'none', false],
    ]);
  });

  it('changes the poverty status only with a reason, and shows who, why and what in the history', async () => {
    const household = registry.households[0]!;
    renderAdmin(registry, `/households/${household.id}`, { as: 'fc-admin' });
    fireEvent.click(await screen.findByRole('button', { name: '变更贫困状态' }));
    const form = screen.getByRole('form', { name: '变更贫困状态' });
    fireEvent.change(within(form).getByRole('combobox', { name: /新的贫困状态/ }), {
      target: { value: 'monitored' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByText('请填写变更原因')).toBeInTheDocument();

    fireEvent.change(within(form).getByRole('textbox', { name: /变更原因/ }), {
      target: { value: '家庭收入下降，纳入监测' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('贫困状态已变更，已记入变更记录。')).toBeInTheDocument();

    const history = screen.getByRole('list', { name: '变更记录' });
    await waitFor(() =>
      expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('变更贫困状态'),
    );
    const entry = within(history).getAllByRole('listitem')[0]!;
    expect(entry).toHaveTextContent('县扶贫办 刘志强（县级管理员（扶贫办））');
    expect(entry).toHaveTextContent('原因：家庭收入下降，纳入监测');
    expect(entry).toHaveTextContent('贫困状态：已脱贫 → 改为 监测户');
  });
});
