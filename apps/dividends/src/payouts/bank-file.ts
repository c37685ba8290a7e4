import { fenToChineseWords, fenToYuanString } from '@fupin/money';
import ExcelJS from 'exceljs';

export interface BankFileLine {
  payoutId: string;
  householdNumber: string;
  headName: string;
  bankName: string | null;
  bankAccountMasked: string | null;
  amountFen: string;
}

/**
 * The registry publishes bank accounts only masked, so the file carries the masked account and
 * the household number; the bank (or the registry, which holds the full account) matches on those.
 */
const HEADER = ['序号', '付款编号', '户编号', '户主姓名', '开户行', '账号（脱敏）', '金额（元）', '金额大写'];

function row(line: BankFileLine, index: number): string[] {
  const fen = Number(line.amountFen);
  return [
    String(index + 1),
    line.payoutId,
    line.householdNumber,
    line.headName,
    line.bankName ?? '',
    line.bankAccountMasked ?? '',
    fenToYuanString(fen),
    fenToChineseWords(fen),
  ];
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** UTF-8 with a BOM, so that Excel on a county office PC opens the Chinese columns correctly. */
export function bankFileCsv(lines: readonly BankFileLine[]): Buffer {
  const text = [HEADER, ...lines.map(row)].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function bankFileXlsx(lines: readonly BankFileLine[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代发明细');
  sheet.addRow([title]);
  sheet.addRow(HEADER);
  lines.forEach((line, i) => sheet.addRow(row(line, i)));
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
