import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeMarket, type FakeMarket } from '../testing/fake-market';

jest.setTimeout(30_000);

describe('结算 and 消费扶贫台账 for the county office', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;
  const saved: string[] = [];

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
    market.unsettled.push(
      {
        householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
        villageCode: '411322104201',
        headNameMasked: '马*升',
        bankAccountMasked: '6230***********5879',
        amountFen: 4080,
      },
      {
        householdId: 'aaaaaaaa-0000-4000-8000-000000000002',
        villageCode: '411322104201',
        headNameMasked: '杜*',
        bankAccountMasked: null,
        amountFen: 2720,
      },
    );
    saved.length = 0;
    URL.createObjectURL = jest.fn(() => 'blob:fake');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('runs settlement after asking, shows a line per household and downloads the bank file', async () => {
    const { router } = renderAdmin(market, '/market/settlements', { as: 'fc-admin' });
    expect(await screen.findByText('还没有结算过')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '运行结算' }));
    expect(screen.getByText(/结算后不能撤销/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认结算' }));

    const lines = await screen.findByRole('table', { name: '代发明细（每户一行）' });
    expect(router.state.location.pathname).toBe(`/market/settlements/${market.settlements[0]!.id}`);
    expect(within(lines).getAllByRole('row')).toHaveLength(3);
    expect(lines).toHaveTextContent('马*升');
    expect(lines).toHaveTextContent('¥40.80');
    expect(screen.getByText('合计：¥68.00')).toBeInTheDocument();
    expect(screen.getByText(/有农户没有登记银行账号/)).toBeInTheDocument();
    const run = market.calls('/api/market/settlements').find((c) => c.method === 'POST')!;
    expect(run.headers['idempotency-key']).toEqual(expect.any(String));

    fireEvent.click(screen.getByRole('button', { name: '下载银行代发文件（CSV）' }));
    await waitFor(() => expect(saved).toEqual([`payouts-${market.settlements[0]!.id}.csv`]));
    fireEvent.click(screen.getByRole('button', { name: '下载银行代发文件（Excel）' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(
      market.calls(`/api/market/settlements/${market.settlements[0]!.id}/bank-file`).map((c) => c.url),
    ).toEqual([
      `/api/market/settlements/${market.settlements[0]!.id}/bank-file?format=csv`,
      `/api/market/settlements/${market.settlements[0]!.id}/bank-file?format=xlsx`,
    ]);

    fireEvent.click(screen.getByRole('link', { name: '返回结算' }));
    const runs = await screen.findByRole('table', { name: '结算批次' });
    expect(runs).toHaveTextContent('¥68.00');
  });

  it('lets the auditor read runs but not run one', async () => {
    renderAdmin(market, '/market/settlements', { as: 'fc-auditor' });
    expect(await screen.findByText('还没有结算过')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '运行结算' })).not.toBeInTheDocument();
  });

  it('draws the ledger as bars per work unit or village and exports it', async () => {
    renderAdmin(market, '/market/ledger', { as: 'fc-admin' });
    const chart = await screen.findByRole('img', { name: '按工作单位的消费扶贫金额条形图' });
    expect(chart.querySelectorAll('rect')).toHaveLength(1);
    expect(screen.getByText('合计 ¥17,300.00（1 项）')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: '汇总方式' }), { target: { value: 'village' } });
    const byVillage = await screen.findByRole('img', { name: '按村的消费扶贫金额条形图' });
    const bars = [...byVillage.querySelectorAll('rect')].map((bar) => Number(bar.getAttribute('width')));
    expect(bars).toHaveLength(2);
    // 砚山铺村 sold 2.6 times what 扳倒井村 did; the bars say so.
    expect(bars[0]! / bars[1]!).toBeCloseTo(1_250_000 / 480_000, 1);
    expect(screen.getByRole('table', { name: '台账明细' })).toHaveTextContent('扳倒井村');

    fireEvent.change(screen.getByRole('combobox', { name: '年度' }), {
      target: { value: String(new Date().getFullYear()) },
    });
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const exported = market.calls('/api/market/consumption-aid-ledger').at(-1)!;
    expect(Object.fromEntries(new URL(exported.url, 'http://x').searchParams)).toEqual({
      groupBy: 'village',
      year: String(new Date().getFullYear()),
      format: 'xlsx',
    });
  });
});
