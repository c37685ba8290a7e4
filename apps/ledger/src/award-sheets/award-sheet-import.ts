import type { AwardLineInput } from '@fupin/contracts';
import ExcelJS from 'exceljs';
import { EntityManager } from 'typeorm';
import { AwardSheetErrorCode as C, AwardSheetException } from './award-sheets.exception';

/** Largest award-sheet file accepted (xlsx or CSV). */
export const AWARD_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const COLUMNS: Record<string, keyof RawRow> = {
  户编号: 'householdNumber',
  householdnumber: 'householdNumber',
  条目代码: 'itemCode',
  itemcode: 'itemCode',
  次数: 'count',
  count: 'count',
  备注: 'note',
  note: 'note',
};

interface RawRow {
  householdNumber: string;
  itemCode: string;
  count: string;
  note: string;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

async function readGrid(bytes: Buffer): Promise<string[][]> {
  // An xlsx file is a zip archive: "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AwardSheetException(C.BadImport, '无法读取 xlsx 文件 / Cannot read the xlsx file');
    }
    const sheet = book.worksheets[0];
    const grid: string[][] = [];
    sheet?.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text?.trim() ?? '';
      });
      grid.push(Array.from(cells, (c) => c ?? ''));
    });
    return grid;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine);
}

/**
 * Reads an award sheet (columns 户编号, 条目代码, 次数, 备注 — or the English names) into lines,
 * resolving household numbers within the sheet's village. Every bad row is named in one 400.
 */
export async function readAwardSheetFile(
  m: EntityManager,
  villageCode: string,
  bytes: Buffer,
): Promise<AwardLineInput[]> {
  const grid = await readGrid(bytes);
  if (grid.length < 2)
    throw new AwardSheetException(C.BadImport, '文件没有数据行 / The file has no data rows');
  const header = grid[0].map((h) => COLUMNS[h.replace(/\s+/g, '').toLowerCase()] ?? COLUMNS[h.trim()]);
  if (!header.includes('householdNumber') || !header.includes('itemCode')) {
    throw new AwardSheetException(
      C.BadImport,
      '表头须包含 户编号 和 条目代码 / Header needs householdNumber and itemCode',
    );
  }
  const rows = grid.slice(1).map((cells) => {
    const row: Partial<RawRow> = {};
    header.forEach((key, i) => {
      if (key) row[key] = cells[i] ?? '';
    });
    return row;
  });
  const numbers = [...new Set(rows.map((r) => r.householdNumber ?? ''))];
  const found: Array<{ id: string; household_number: string }> = await m.query(
    `SELECT id, household_number FROM household_view WHERE village_code = $1 AND household_number = ANY($2::text[])`,
    [villageCode, numbers],
  );
  const ids = new Map(found.map((r) => [r.household_number, r.id]));
  const errors: string[] = [];
  const lines: AwardLineInput[] = [];
  rows.forEach((r, i) => {
    const id = ids.get(r.householdNumber ?? '');
    const count = r.count ? Number(r.count) : 1;
    if (!id)
      errors.push(`第 ${i + 2} 行：本村没有户编号 ${r.householdNumber} / row ${i + 2}: unknown household`);
    else if (!Number.isInteger(count) || count < 1)
      errors.push(`第 ${i + 2} 行：次数无效 / row ${i + 2}: bad count`);
    else lines.push({ householdId: id, itemCode: r.itemCode ?? '', count, note: r.note || undefined });
  });
  if (errors.length) throw new AwardSheetException(C.BadImport, errors.slice(0, 20).join('; '), { errors });
  return lines;
}
