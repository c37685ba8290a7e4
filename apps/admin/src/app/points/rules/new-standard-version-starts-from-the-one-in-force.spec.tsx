import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

describe('publishing a new version of the points standard', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('lists the versions, starts the new one from the one in force, refuses a zero item and publishes', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/rules', { as: 'yanshanpu-admin' });
    const table = await screen.findByRole('table', { name: '积分标准各版本' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/^第 1 版2026-01-01.*现行23/);

    fireEvent.click(screen.getByRole('link', { name: '发布新版本' }));
    const form = await screen.findByRole('form', { name: '发布新版本积分标准' });
    expect(within(form).getByText('已按现行第 1 版填好，修改后发布即可。')).toBeInTheDocument();
    expect(
      within(form)
        .getAllByLabelText('条目代码')
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['HYG', 'LAB', 'FEAST']);

    fireEvent.click(within(form).getByRole('button', { name: '再加一条' }));
    const fourth = within(form).getByRole('listitem', { name: '第 4 条' });
    fireEvent.change(within(fourth).getByLabelText('条目代码'), { target: { value: 'SCHOOL' } });
    fireEvent.change(within(fourth).getByLabelText('条目名称'), { target: { value: '子女按时上学' } });
    fireEvent.change(within(fourth).getByLabelText(/^分值/), { target: { value: '0' } });
    fireEvent.change(within(form).getByLabelText(/生效日期/), { target: { value: '2031-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: '发布' }));
    expect(await within(fourth).findByText('分值不能为 0')).toBeInTheDocument();
    expect(ledger.calls('/api/ledger/rule-sets', 'POST')).toHaveLength(0);

    fireEvent.change(within(fourth).getByLabelText(/^分值/), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: '发布' }));
    expect(await screen.findByText('已发布第 2 版积分标准')).toBeInTheDocument();
    const sent = JSON.parse(ledger.calls('/api/ledger/rule-sets', 'POST')[0]!.body);
    expect(sent).toMatchObject({ villageCode: '411322104201', effectiveFrom: '2031-01-01', monthlyBase: 2 });
    expect(sent.items).toHaveLength(4);
    expect(sent.items[3]).toEqual({
      code: 'SCHOOL',
      name: '子女按时上学',
      points: 3,
      maxPerMonth: 1,
      yearlyCap: null,
    });
    expect(screen.getByRole('table', { name: '条目（共 4 条）' })).toHaveTextContent('子女按时上学+3');
  });

  it('shows an auditor the versions but not the way to publish one', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/rules?village=411322104201', {
      as: 'fc-auditor',
    });
    expect(await screen.findByRole('table', { name: '积分标准各版本' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '发布新版本' })).not.toBeInTheDocument();
  });
});
