import type { Download } from 'playwright-core';

/** The rows of a downloaded CSV (UTF-8 with or without BOM; quoted cells as RFC 4180). */
export async function downloadedCsv(download: Download): Promise<string[][]> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** "1234.56" or "¥1,234.56" → 123456 fen, exactly (no floating point). */
export function fenOf(text: string): number {
  const match = /^-?¥?([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number(match[2]);
}

/** The sum, in fen, of one column (by header name) over the data rows of a sheet. */
export function columnSum(
  rows: string[][],
  header: string,
  keep: (row: string[]) => boolean = () => true,
): number {
  const [head = [], ...data] = rows;
  const at = head.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${head.join(',')}`);
  return data.filter(keep).reduce((sum, row) => sum + fenOf(row[at] ?? ''), 0);
}

/** Rows as CSV text (UTF-8 with BOM, CRLF, RFC 4180 quoting), as a bank's answer file would be. */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
