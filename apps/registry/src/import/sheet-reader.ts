import { HOUSEHOLD_IMPORT_LIMITS } from '@fupin/contracts';
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv } from './csv';
import { ImportErrorCode, ImportException } from './household-import.exception';

/** One cell as text; `lossyNumber` marks a long number Excel already rounded (ID and account numbers). */
export interface SheetCell {
  text: string;
  lossyNumber?: boolean;
}

export interface SheetRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: SheetCell[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads an uploaded CSV or .xlsx into header + rows, refusing files over the row limit. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.subarray(0, 4).equals(XLS_MAGIC)) {
    throw new ImportException(
      ImportErrorCode.UnsupportedFormat,
      '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV / Old .xls files are not supported; save as .xlsx or CSV',
    );
  }
  const sheet = bytes.subarray(0, 4).equals(XLSX_MAGIC) ? await readXlsx(bytes) : readCsv(bytes);
  if (sheet.rows.length > HOUSEHOLD_IMPORT_LIMITS.maxRows) {
    throw new ImportException(
      ImportErrorCode.TooManyRows,
      `一次最多导入 ${HOUSEHOLD_IMPORT_LIMITS.maxRows} 行，请分批导入 / At most ${HOUSEHOLD_IMPORT_LIMITS.maxRows} rows per file; split it`,
      { rowCount: sheet.rows.length, maxRows: HOUSEHOLD_IMPORT_LIMITS.maxRows },
    );
  }
  return sheet;
}

function readCsv(bytes: Buffer): Sheet {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) {
    throw new ImportException(
      ImportErrorCode.Unreadable,
      '文件不是 CSV 或 .xlsx 表格 / The file is neither CSV nor .xlsx',
    );
  }
  const [header = [], ...rest] = parseCsv(text);
  const rows = rest
    .map((cells, i) => ({ rowNumber: i + 2, cells: cells.map((c) => ({ text: c.trim() })) }))
    .filter((r) => r.cells.some((c) => c.text !== ''));
  return { format: 'csv', headers: header.map((h) => h.trim()), rows };
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportException(
      ImportErrorCode.Unreadable,
      '无法读取该 .xlsx 文件 / Cannot read this .xlsx file',
    );
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet)
    throw new ImportException(ImportErrorCode.Empty, '表格中没有工作表 / The workbook has no sheet');
  if (worksheet.actualRowCount > HOUSEHOLD_IMPORT_LIMITS.maxRows + 1) {
    throw new ImportException(
      ImportErrorCode.TooManyRows,
      `一次最多导入 ${HOUSEHOLD_IMPORT_LIMITS.maxRows} 行，请分批导入 / At most ${HOUSEHOLD_IMPORT_LIMITS.maxRows} rows per file; split it`,
      { rowCount: worksheet.actualRowCount - 1, maxRows: HOUSEHOLD_IMPORT_LIMITS.maxRows },
    );
  }
  let headers: string[] = [];
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.max(row.cellCount, headers.length);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (rowNumber === 1) headers = cells.map((c) => c.text);
    else if (cells.some((c) => c.text !== '')) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', headers, rows };
}

function cellText(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value)
      ? { text: String(value) }
      : { text: String(value), lossyNumber: Math.abs(value) >= 1e15 };
  }
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return { text: String(value.text).trim() };
  return { text: '' };
}
