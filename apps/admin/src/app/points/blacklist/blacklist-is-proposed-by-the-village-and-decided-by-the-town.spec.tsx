import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

describe('the 红十条 blacklist', () => {
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

  it('is proposed by the village committee (who cannot approve it) and approved by the town', async () => {
    const first = renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/blacklist', {
      as: 'yanshanpu-admin',
    });
    expect(await screen.findByText('本村没有黑名单记录')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: '提出列入黑名单' });
    await within(form).findByRole('option', { name: /马东升 · 4113221042010001/ });
    fireEvent.change(within(form).getByLabelText('农户'), {
      target: { value: 'aaaaaaaa-0000-4000-8000-000000000001' },
    });
    fireEvent.change(within(form).getByLabelText('事由'), { target: { value: '婚事大操大办，礼金超标' } });
    fireEvent.change(within(form).getByLabelText('结束日期'), { target: { value: '2031-12-31' } });
    fireEvent.click(within(form).getByLabelText('暂停兑换'));
    fireEvent.click(within(form).getByRole('button', { name: '提交审批' }));
    expect(await screen.findByText('已提交，等待乡镇审批')).toBeInTheDocument();
    expect(JSON.parse(ledger.calls('/api/ledger/blacklist')[0]!.body)).toMatchObject({
      householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
      reason: '婚事大操大办，礼金超标',
      endsOn: '2031-12-31',
      blocksRedemption: true,
    });
    const row = await screen.findByRole('row', { name: /马东升/ });
    expect(row).toHaveTextContent('待审批');
    expect(within(row).queryByRole('button', { name: '批准' })).not.toBeInTheDocument();
    first.unmount();

    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/blacklist?village=411322104201', {
      as: 'dushu-admin',
    });
    const pending = await screen.findByRole('row', { name: /马东升/ });
    fireEvent.click(within(pending).getByRole('button', { name: '批准' }));
    expect(await screen.findByText(/已批准 马东升 · 4113221042010001 列入黑名单/)).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /马东升.*生效中/ })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '提出列入黑名单' })).not.toBeInTheDocument();
  });
});
