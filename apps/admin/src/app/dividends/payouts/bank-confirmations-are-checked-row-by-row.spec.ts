import type { Payout } from '../dividends-api';
import { CONFIRMATION_HEADER, readConfirmations } from './bank-confirmations';

const BATCH = 'batch-1';
const payout = (n: number, batchId: string | null = BATCH): Payout => ({
  id: `p${n}`,
  batchId,
  householdId: `h${n}`,
  householdNumber: `41132210420100${n}`,
  bankName: '方城农商银行',
  bankAccountMasked: '6217****1234',
  amountFen: '129761',
  attempt: 1,
  retryOf: null,
  retryReason: null,
  status: 'pending',
  bankReference: null,
  failureReason: null,
});
const PAYOUTS = [payout(1), payout(2), payout(3), payout(4, 'batch-0')];
const row = (id: string, result: string, reference = '', reason = '') => [
  id,
  '',
  '',
  '1297.61',
  result,
  reference,
  reason,
];

describe('reading a bank’s confirmation file', () => {
  it('sends paid lines with their reference and failed lines with their reason when every row is good', () => {
    const read = readConfirmations(
      [
        CONFIRMATION_HEADER,
        row('p1', '成功', 'NS20210105001'),
        row('p2', '失败', '', '账户已销户'),
        row('p3', 'paid', 'NS2'),
      ],
      BATCH,
      PAYOUTS,
    );
    expect(read.rows.map((r) => r.problem)).toEqual([null, null, null]);
    expect(read.body).toEqual({
      lines: [
        { payoutId: 'p1', status: 'paid', bankReference: 'NS20210105001' },
        { payoutId: 'p2', status: 'failed', reason: '账户已销户' },
        { payoutId: 'p3', status: 'paid', bankReference: 'NS2' },
      ],
    });
  });

  it('names each bad row by its spreadsheet row number and sends nothing', () => {
    const read = readConfirmations(
      [
        CONFIRMATION_HEADER,
        row('p1', '成功'),
        row('p2', '失败'),
        row('p4', '成功', 'X'),
        row('p9', '成功', 'X'),
        row('p3', '待定'),
        row('p3', '成功', 'Y'),
        row('p3', '成功', 'Y'),
      ],
      BATCH,
      PAYOUTS,
    );
    expect(read.rows.map((r) => [r.row, r.problem])).toEqual([
      [2, 'noReference'],
      [3, 'noReason'],
      [4, 'otherBatch'],
      [5, 'unknownPayout'],
      [6, 'badResult'],
      [7, 'duplicate'],
      [8, 'duplicate'],
    ]);
    expect(read.body).toBeNull();
  });

  it('refuses a sheet without the payout and result columns', () => {
    const read = readConfirmations(
      [
        ['户编号', '金额'],
        ['411322', '1.00'],
      ],
      BATCH,
      PAYOUTS,
    );
    expect(read.rows).toEqual([expect.objectContaining({ row: 1, problem: 'columns' })]);
    expect(read.body).toBeNull();
  });
});
