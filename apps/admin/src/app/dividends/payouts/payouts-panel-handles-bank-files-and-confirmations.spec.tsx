import type { StubServer } from '@fupin/api-client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import type { Distribution, Payout, PayoutsView } from '../dividends-api';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { PayoutsPanel } from './payouts-panel';

const D = '11111111-1111-4111-8111-111111111111';
const B = '44444444-4444-4444-8444-444444444444';
const payout = (n: number, amountFen: string, extra: Partial<Payout> = {}): Payout => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  batchId: B,
  householdId: `h${n}`,
  householdNumber: `411322104201000${n}`,
  bankName: '方城农商银行',
  bankAccountMasked: `6217****000${n}`,
  amountFen,
  attempt: 1,
  retryOf: null,
  retryReason: null,
  status: 'pending',
  bankReference: null,
  failureReason: null,
  ...extra,
});
const [P1, P2, P3] = [payout(1, '129761'), payout(2, '129761'), payout(3, '129766')];
const DISTRIBUTION = { id: D, status: 'posted' } as Distribution;

function upload(text: string) {
  const file = new NodeFile([`\uFEFF${text}`], 'bank.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('导入银行回执'), { target: { files: [file] } });
}

const HEADER = '付款编号,户编号,户主姓名,金额（元）,结果,银行流水号,失败原因';

describe('payout batches', () => {
  let server: StubServer;
  let view: PayoutsView;
  const saved: Blob[] = [];

  beforeEach(async () => {
    saved.length = 0;
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:file';
      }),
      revokeObjectURL: jest.fn(),
    });
    view = {
      batches: [{ id: B, lineCount: 3, totalFen: '389288', createdAt: '2021-01-20T02:00:00.000Z' }],
      payouts: [P1, P2, P3],
    };
    server = await startDividendsStub((request) => {
      const path = request.url.split('?')[0];
      if (path === `/api/dividends/distributions/${D}/payouts`) return [200, view];
      if (path === `/api/dividends/payout-batches/${B}/bank-file`)
        return [
          200,
          '\uFEFF序号,付款编号\r\n',
          {
            'Content-Type': 'text/csv',
            'Content-Disposition': `attachment; filename="payout-batch-${B}.csv"`,
          },
        ];
      if (path === `/api/dividends/payout-batches/${B}/confirmations`) {
        view = {
          ...view,
          payouts: [
            { ...P1, status: 'paid', bankReference: 'NS001' },
            { ...P2, status: 'failed', failureReason: '账户已销户' },
            P3,
          ],
        };
        return [200, { batchId: B, applied: 2, unchanged: 0 }];
      }
      if (path === `/api/dividends/payouts/${P2.id}/retry`) return [201, { ...P2, attempt: 2 }];
      return undefined;
    });
  });

  afterEach(() => server.close());

  it('downloads the batch’s bank file with the session’s client', async () => {
    renderDividends(server, <PayoutsPanel distribution={DISTRIBUTION} mayPay />);
    const batch = await screen.findByRole('article', { name: '第 1 批' });
    expect(batch).toHaveTextContent('3 笔，共 ¥3,892.88');
    fireEvent.click(within(batch).getByRole('button', { name: '下载银行代发文件（CSV）' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(
      server.requests.some((r) => r.url === `/api/dividends/payout-batches/${B}/bank-file?format=csv`),
    ).toBe(true);
  });

  it('checks the bank’s answer row by row and sends nothing while a row is wrong', async () => {
    renderDividends(server, <PayoutsPanel distribution={DISTRIBUTION} mayPay />);
    await screen.findByRole('article', { name: '第 1 批' });
    upload(`${HEADER}\n${P1.id},,,1297.61,成功,NS001,\n${P2.id},,,1297.61,失败,,\n`);
    const table = await screen.findByRole('table', { name: '回执逐行结果（2 行）' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('24113221042010001已记为到账✓可以导入');
    expect(rows[1]).toHaveTextContent('34113221042010002已记为失败✕失败须填原因');
    expect(screen.getByText('回执文件有 1 行有问题，整份没有导入')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('records paid and failed lines, then sends a failed payout again with a reason', async () => {
    renderDividends(server, <PayoutsPanel distribution={DISTRIBUTION} mayPay />);
    await screen.findByRole('article', { name: '第 1 批' });
    upload(`${HEADER}\n${P1.id},,,1297.61,成功,NS001,\n${P2.id},,,1297.61,失败,,账户已销户\n`);
    expect(await screen.findByText('回执已导入：更新 2 笔，0 笔原已记录')).toBeInTheDocument();
    const sent = server.requests.find((r) => r.url === `/api/dividends/payout-batches/${B}/confirmations`)!;
    expect(sent.headers['idempotency-key']).toBeTruthy();
    expect(JSON.parse(sent.body)).toEqual({
      lines: [
        { payoutId: P1.id, status: 'paid', bankReference: 'NS001' },
        { payoutId: P2.id, status: 'failed', reason: '账户已销户' },
      ],
    });
    const payouts = await screen.findByRole('table', { name: '逐户发放（3 笔）' });
    await within(payouts).findByText('账户已销户');
    fireEvent.change(within(payouts).getByLabelText('重发原因'), { target: { value: '农户已更正银行账号' } });
    fireEvent.click(within(payouts).getByRole('button', { name: '重新发放' }));
    await waitFor(() =>
      expect(server.requests.find((r) => r.url === `/api/dividends/payouts/${P2.id}/retry`)?.body).toBe(
        JSON.stringify({ reason: '农户已更正银行账号' }),
      ),
    );
  });
});
