import type { StubServer } from '@fupin/api-client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Distribution, DistributionLine } from '../dividends-api';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { DistributionTotals } from './distribution-totals';
import { DryRunTable } from './dry-run-table';

const line = (n: number, amountFen: number): DistributionLine => ({
  householdId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  householdNumber: `4113221042010${String(n).padStart(3, '0')}`,
  headName: `户主${n}`,
  villageCode: '411322104201',
  amountFen: String(amountFen),
  explanation: [
    {
      step: 'root.public_welfare_wages',
      label: '公益岗位工资',
      basis: 'days_worked',
      weight: String(10 + n),
      stepAmountFen: '3376210',
      amountFen: String(amountFen),
    },
  ],
});

// 25 households: 24 × 1,297.61 + 1,297.66 = 32,440.30; kept 15,791.27; pool 48,231.57.
const LINES = Array.from({ length: 25 }, (_, i) => line(i + 1, i === 24 ? 129_766 : 129_761));
const DISTRIBUTION: Distribution = {
  id: '11111111-1111-4111-8111-111111111111',
  entityId: '22222222-2222-4222-8222-222222222222',
  title: '独树镇光伏电站2020年下半年收益分配',
  planId: '33333333-3333-4333-8333-333333333333',
  planVersion: 1,
  periodStart: '2020-07-01',
  periodEnd: '2020-12-31',
  poolFen: '4823157',
  householdTotalFen: '3244030',
  householdCount: 25,
  accountParts: [{ account: 'village_public_works', amountFen: '1579127' }],
  status: 'dry_run',
  createdAt: '2021-01-05T02:00:00.000Z',
  postedAt: null,
  notice: null,
  approval: null,
  objections: [],
};

describe('a dry run on screen', () => {
  let server: StubServer;

  beforeEach(async () => {
    server = await startDividendsStub((request) => {
      const url = new URL(request.url, 'http://x');
      if (url.pathname !== `/api/dividends/distributions/${DISTRIBUTION.id}/lines`) return undefined;
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      return [
        200,
        { items: LINES.slice((page - 1) * size, page * size), total: LINES.length, page, pageSize: size },
      ];
    });
  });

  afterEach(() => server.close());

  it('says the households and the kept account add up to the pool to the fen, and when they do not', () => {
    const { rerender } = renderDividends(server, <DistributionTotals distribution={DISTRIBUTION} />);
    expect(screen.getByText('分到农户（25 户）').nextSibling).toHaveTextContent('¥32,440.30');
    expect(screen.getByText('留存：村级公益事业').nextSibling).toHaveTextContent('¥15,791.27');
    expect(screen.getByText(/与分配总额一致（精确到分）/)).toHaveTextContent('农户与留存合计 ¥48,231.57');
    rerender(<DistributionTotals distribution={{ ...DISTRIBUTION, householdTotalFen: '3244029' }} />);
    expect(screen.getByText(/与分配总额 ¥48,231.57 不符/)).toBeInTheDocument();
  });

  it('lists every household with its amount and explanation, a page at a time', async () => {
    renderDividends(server, <DryRunTable distribution={DISTRIBUTION} />);
    const table = await screen.findByRole('table', { name: '分配明细（25 户）' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toHaveTextContent(
      '4113221042010001户主1¥1,297.61公益岗位工资：按公益岗位出勤天数 11，分得 ¥1,297.61（本步共 ¥33,762.10）',
    );
    fireEvent.click(screen.getByRole('button', { name: /下一页/ }));
    await waitFor(() => expect(screen.getByText('4113221042010025')).toBeInTheDocument());
    expect(screen.getByText('¥1,297.66')).toBeInTheDocument();
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual([
      '1',
      '2',
    ]);
  });

  it('exports every household, the kept account and the pool as a CSV whose amounts add up', async () => {
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:dry-run';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    renderDividends(server, <DryRunTable distribution={DISTRIBUTION} />);
    await screen.findByRole('table', { name: '分配明细（25 户）' });
    fireEvent.click(screen.getByRole('button', { name: '导出明细（CSV）' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const raw = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]!);
    });
    const text = raw.replace(/^\uFEFF/, '');
    const rows = text
      .trim()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows[0]).toEqual(['户编号', '户主', '村代码', '金额（元）', '计算说明']);
    expect(rows).toHaveLength(1 + 25 + 1 + 1);
    const cents = (v: string) => Math.round(Number(v) * 100);
    const households = rows.slice(1, 26).reduce((s, r) => s + cents(r[3]!), 0);
    expect(households).toBe(3_244_030);
    expect(households + cents(rows[26]![3]!)).toBe(cents(rows[27]![3]!));
    expect(rows[27]![3]).toBe('48231.57');
  });
});
