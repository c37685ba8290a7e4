import type { FundFlowNode } from '@fupin/contracts';
import { fenToYuanString } from '@fupin/money';
import { fenNumber } from './fund-flow-words';

export interface FlowCsvWords {
  headers: readonly string[];
  describe(flow: FundFlowNode): string;
  type(flow: FundFlowNode): string;
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text defused. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The flows as a CSV that Excel opens in Chinese (UTF-8 with BOM, CRLF): level, destination, type,
 * amount and what was passed on in yuan (two decimals, from integer fen), purpose, date, flow ids.
 */
export function fundFlowsCsv(flows: readonly FundFlowNode[], words: FlowCsvWords): string {
  const rows = flows.map((flow) => [
    String(flow.depth),
    words.describe(flow),
    words.type(flow),
    fenToYuanString(fenNumber(flow.amountFen)),
    flow.toType === 'account' ? fenToYuanString(fenNumber(flow.allocatedOnFen)) : '',
    flow.purpose,
    flow.createdAt,
    flow.id,
    flow.parentId ?? '',
  ]);
  return `\uFEFF${[words.headers, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary link, the way a browser saves an attachment. */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
