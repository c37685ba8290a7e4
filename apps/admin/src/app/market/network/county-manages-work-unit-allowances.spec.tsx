import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeMarket, WORK_UNIT_ID, type FakeMarket } from '../testing/fake-market';
import type { FakeAllowanceWallet } from '../testing/fake-market-allowances';

jest.setTimeout(30_000);

const YEAR = new Date().getFullYear();

function wallet(n: number, extra: Partial<FakeAllowanceWallet>): FakeAllowanceWallet {
  return {
    buyerId: `cccccccc-0000-4000-8000-00000000020${n}`,
    workUnitId: WORK_UNIT_ID,
    year: YEAR,
    grantedFen: 70_000,
    spentFen: 0,
    balanceFen: 70_000,
    expiredFen: 0,
    expiresAt: `${YEAR + 1}-01-01T00:00:00.000+08:00`,
    ...extra,
  };
}

describe('工作单位补贴 for the county office', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
    market.allowanceWallets.push(
      wallet(1, { spentFen: 30_000, balanceFen: 40_000 }),
      wallet(2, { spentFen: 70_000, balanceFen: 0 }),
      // Last year's: its validity has ended with ¥123.45 unspent.
      wallet(3, {
        year: YEAR - 1,
        spentFen: 57_655,
        balanceFen: 12_345,
        expiresAt: `${YEAR}-01-01T00:00:00.000+08:00`,
      }),
    );
  });

  afterEach(async () => {
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('opens a work unit from the list and shows its amount, totals and wallets', async () => {
    renderAdmin(market, '/market/work-units', { as: 'fc-admin' });
    fireEvent.click(await screen.findByRole('link', { name: '方城县财政局' }));

    expect(await screen.findByRole('heading', { name: '方城县财政局 · 补贴' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: '每人补贴标准' });
    expect(summary).toHaveTextContent('¥700.00');
    expect(summary).toHaveTextContent('沿用全县默认标准');
    expect(summary).toHaveTextContent('2 人');
    expect(summary).toHaveTextContent('已发放¥1,400.00');
    expect(summary).toHaveTextContent('已使用¥1,000.00');
    expect(summary).toHaveTextContent('余额¥400.00');
    const wallets = screen.getByRole('table', { name: '职工补贴账户' });
    expect(within(wallets).getAllByRole('row')).toHaveLength(3);
    expect(wallets).toHaveTextContent('cccccccc-0000-4000-8000-000000000201');

    fireEvent.change(screen.getByRole('combobox', { name: '年度' }), { target: { value: String(YEAR - 1) } });
    expect(await screen.findByText('往年的补贴已经结束，标准不能再修改。')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: '职工补贴账户' })).toHaveTextContent('¥123.45');
    expect(screen.queryByRole('button', { name: '保存标准' })).not.toBeInTheDocument();
  });

  it('raises the amount after asking, sending whole fen, and tops up who was granted', async () => {
    renderAdmin(market, `/market/work-units/${WORK_UNIT_ID}`, { as: 'fc-admin' });
    const amount = await screen.findByRole('textbox', { name: new RegExp(`${YEAR} 年每人补贴（元）`) });

    fireEvent.change(amount, { target: { value: '12.345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存标准' }));
    expect(screen.getByText(/请输入 0 到 100000 元之间的金额/)).toBeInTheDocument();

    fireEvent.change(amount, { target: { value: '８００.５' } });
    fireEvent.click(screen.getByRole('button', { name: '保存标准' }));
    const confirm = screen.getByRole('group', { name: '设定或调高每人补贴标准' });
    expect(confirm).toHaveTextContent(`把“方城县财政局” ${YEAR} 年每人补贴从 ¥700.00 改为 ¥800.50？`);
    expect(confirm).toHaveTextContent('已领取补贴的 2 人每人将补发 ¥100.50。');
    expect(market.calls(`/api/market/work-units/${WORK_UNIT_ID}/allowance-policy`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: '确认保存' }));

    expect(await screen.findByText(`已保存：${YEAR} 年每人补贴 ¥800.50。`)).toBeInTheDocument();
    const put = market.calls(`/api/market/work-units/${WORK_UNIT_ID}/allowance-policy`);
    expect(put.map((c) => c.method)).toEqual(['PUT']);
    expect(JSON.parse(put[0]!.body)).toEqual({ year: YEAR, amountFen: 80_050 });
    const summary = screen.getByRole('region', { name: '每人补贴标准' });
    expect(await within(summary).findByText('本单位单独设定')).toBeInTheDocument();
    expect(summary).toHaveTextContent('已发放¥1,601.00');
  });

  it('says in plain words when the new amount is below what was granted', async () => {
    renderAdmin(market, `/market/work-units/${WORK_UNIT_ID}`, { as: 'fc-admin' });
    fireEvent.change(await screen.findByRole('textbox', { name: /年每人补贴（元）/ }), {
      target: { value: '600' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存标准' }));
    fireEvent.click(screen.getByRole('button', { name: '确认保存' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '新标准比已经发给职工的补贴还少。补贴只能调高或保持不变，不能调低。',
    );
    expect(screen.getByRole('region', { name: '每人补贴标准' })).toHaveTextContent('¥700.00');
    expect(market.allowancePolicies).toEqual({});
  });

  it('writes off ended allowances at year end after asking and shows what went', async () => {
    renderAdmin(market, '/market/work-units', { as: 'fc-admin' });
    fireEvent.click(await screen.findByRole('button', { name: '年末清零' }));
    expect(screen.getByText(/清零后不能撤销/)).toBeInTheDocument();
    expect(market.calls('/api/market/allowances/expire')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '确认清零' }));

    expect(await screen.findByText('已清零 1 个补贴账户的余额，共 ¥123.45。')).toBeInTheDocument();
    expect(market.calls('/api/market/allowances/expire').map((c) => c.method)).toEqual(['POST']);

    fireEvent.click(screen.getByRole('button', { name: '年末清零' }));
    fireEvent.click(screen.getByRole('button', { name: '确认清零' }));
    expect(await screen.findByText('没有需要清零的补贴余额。')).toBeInTheDocument();
  });

  it('reads in English too', async () => {
    renderAdmin(market, `/market/work-units/${WORK_UNIT_ID}`, { as: 'fc-admin', language: 'en' });
    expect(await screen.findByRole('heading', { name: '方城县财政局 · allowance' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Allowance per employee' });
    expect(summary).toHaveTextContent('County default');
    expect(summary).toHaveTextContent('2 people');
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`for ${YEAR} \\(yuan\\)`) }), {
      target: { value: '800' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save amount' }));
    expect(screen.getByRole('group', { name: 'Set or raise the allowance per employee' })).toHaveTextContent(
      '2 employees already granted get ¥100.00 more each.',
    );
  });

  it('lets the auditor read a work unit’s allowance but change nothing', async () => {
    renderAdmin(market, '/market/work-units', { as: 'fc-auditor' });
    fireEvent.click(await screen.findByRole('link', { name: '方城县财政局' }));
    expect(await screen.findByRole('table', { name: '职工补贴账户' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存标准' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '返回工作单位' }));
    expect(await screen.findByRole('link', { name: '方城县财政局' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '年末清零' })).not.toBeInTheDocument();
  });
});
