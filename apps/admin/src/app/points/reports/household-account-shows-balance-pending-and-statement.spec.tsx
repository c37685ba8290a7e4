import { screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeLedger, statementLine, type FakeLedger } from '../testing/fake-ledger';

const HOUSEHOLD = 'aaaaaaaa-0000-4000-8000-000000000001';

describe('a household’s points account', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
    ledger.accounts.set(HOUSEHOLD, {
      householdId: HOUSEHOLD,
      householdNumber: '4113221042010001',
      headName: '马东升',
      villageCode: '411322104201',
      balance: 1280,
      pending: 7,
      blacklisted: false,
    });
    ledger.statements.set(
      HOUSEHOLD,
      Array.from({ length: 25 }, (_, i) =>
        statementLine(100 - i, i % 2 ? -60 : 12, `2031-0${(i % 9) + 1} 月度评分 / award`),
      ),
    );
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('shows spendable and pending points apart and pages the statement', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/households/${HOUSEHOLD}/points`, {
      as: 'yanshanpu-admin',
    });
    expect(await screen.findByRole('heading', { level: 1, name: '马东升 的积分账户' })).toBeInTheDocument();
    const figures = screen.getByRole('group', { name: '积分概况' });
    expect(figures).toHaveTextContent('可用积分1,280');
    expect(figures).toHaveTextContent(/公示中积分7.*审批后到账/);
    const table = await screen.findByRole('table', { name: '积分明细' });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('评分发放+122031-01 月度评分#100');
    expect(screen.getByRole('navigation', { name: '翻页' })).toHaveTextContent('共 2 页（25 条）');
    expect(screen.getByRole('button', { name: '导出明细（CSV）' })).toBeInTheDocument();
  });
});
