import type { BankConfirmationsBody } from '@fupin/contracts';
import type { Payout } from '../dividends-api';

/** The columns of a bank's answer file (the template the page hands out has them). */
export const CONFIRMATION_HEADER = [
  '付款编号',
  '户编号',
  '户主姓名',
  '金额（元）',
  '结果',
  '银行流水号',
  '失败原因',
];

const PAID = new Set(['成功', '已付', 'paid', 'success', 'ok']);
const FAILED = new Set(['失败', '退回', 'failed', 'fail', 'rejected']);

export type ConfirmationProblem =
  'columns' | 'unknownPayout' | 'otherBatch' | 'badResult' | 'noReference' | 'noReason' | 'duplicate';

export interface ConfirmationRow {
  /** Row number as the spreadsheet shows it (header = 1). */
  row: number;
  payoutId: string;
  householdNumber: string;
  status: 'paid' | 'failed' | null;
  problem: ConfirmationProblem | null;
}

export interface ReadConfirmations {
  rows: ConfirmationRow[];
  /** Only when every row is good: what the service is sent. */
  body: BankConfirmationsBody | null;
}

const column = (header: readonly string[], ...names: string[]) => header.findIndex((h) => names.includes(h));

/**
 * Reads a bank's confirmation sheet against the batch's payouts. Every row gets a verdict; the
 * lines are sent only when all are good (the service, too, takes all of a file or none).
 */
export function readConfirmations(
  table: ReadonlyArray<readonly string[]>,
  batchId: string,
  payouts: readonly Payout[],
): ReadConfirmations {
  const [header = [], ...data] = table;
  const at = {
    id: column(header, '付款编号', 'payoutId'),
    result: column(header, '结果', 'status'),
    reference: column(header, '银行流水号', 'bankReference'),
    reason: column(header, '失败原因', 'reason'),
  };
  if (at.id < 0 || at.result < 0)
    return {
      rows: [{ row: 1, payoutId: '', householdNumber: '', status: null, problem: 'columns' }],
      body: null,
    };
  const byId = new Map(payouts.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const lines: BankConfirmationsBody['lines'] = [];
  const rows = data.map((cells, i): ConfirmationRow => {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const payoutId = cell(at.id);
    const payout = byId.get(payoutId);
    const result = cell(at.result).toLowerCase();
    const status: ConfirmationRow['status'] = PAID.has(result)
      ? 'paid'
      : FAILED.has(result)
        ? 'failed'
        : null;
    const base = { row: i + 2, payoutId, householdNumber: payout?.householdNumber ?? '', status };
    if (!payout) return { ...base, problem: 'unknownPayout' };
    if (payout.batchId !== batchId) return { ...base, problem: 'otherBatch' };
    if (seen.has(payoutId)) return { ...base, problem: 'duplicate' };
    seen.add(payoutId);
    if (!status) return { ...base, problem: 'badResult' };
    if (status === 'paid') {
      const bankReference = cell(at.reference);
      if (!bankReference) return { ...base, problem: 'noReference' };
      lines.push({ payoutId, status, bankReference });
    } else {
      const reason = cell(at.reason);
      if (!reason) return { ...base, problem: 'noReason' };
      lines.push({ payoutId, status, reason });
    }
    return { ...base, problem: null };
  });
  const good = rows.length > 0 && rows.every((r) => r.problem === null);
  return { rows, body: good ? { lines } : null };
}
