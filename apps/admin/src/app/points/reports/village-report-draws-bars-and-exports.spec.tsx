import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

describe('the village monthly report and the trial balance', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('lets a town administrator pick a village and month, see the totals as bars and export the sheet', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/reports?period=2031-03', {
      as: 'dushu-admin',
    });
    expect(await screen.findByText('请先选择一个村。')).toBeInTheDocument();
    const village = await screen.findByRole('combobox', { name: '行政村' });
    await waitFor(() =>
      expect(within(village).getByRole('option', { name: '砚山铺村' })).toBeInTheDocument(),
    );
    fireEvent.change(village, { target: { value: '411322104201' } });

    const chart = await screen.findByRole('img', { name: '2031-03 发放与兑换（前 2 户）' });
    expect(chart.querySelectorAll('rect[width]').length).toBeGreaterThanOrEqual(4);
    expect(within(chart).getByText('杜斌')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: '2031-03 各户积分' })).toHaveTextContent(
      '马东升 · 41132210420100017601,280',
    );
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(
      ledger
        .calls('/api/ledger/reports/villages/411322104201/monthly')
        .map((c) => c.url)
        .pop(),
    ).toBe('/api/ledger/reports/villages/411322104201/monthly?period=2031-03&format=xlsx');
  });

  it('tells the county the books balance', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/trial-balance', { as: 'fc-admin' });
    expect(await screen.findByText('账平：所有账户与分录一致')).toBeInTheDocument();
  });

  it('keeps the trial balance from a village committee', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/trial-balance', {
      as: 'yanshanpu-admin',
    });
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('积分试算平衡');
    expect(ledger.calls('/api/ledger/accounts/trial-balance')).toHaveLength(0);
  });
});
