import { HOUSEHOLD_IMPORT_COLUMNS, residentIdCheckDigit } from '@fupin/contracts';
import ExcelJS from 'exceljs';

const id = (first17: string) => `${first17}${residentIdCheckDigit(first17)}`;

/** Two example households: a head's row carries the household columns, members' rows only their own. */
const EXAMPLE_ROWS: string[][] = [
  [
    '4113221042019001',
    '独树镇砚山铺村',
    '第一村民小组',
    '王建国',
    '13837712345',
    '河南省农村信用社',
    '6230520012345678901',
    '411322009001',
    '已脱贫',
    '放心户',
    '王建国',
    '户主',
    id('41132219680315201'),
    '',
    '有劳动能力',
    '',
  ],
  [
    '4113221042019001',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '李秀英',
    '配偶',
    id('41132219700822202'),
    '',
    '有劳动能力',
    '',
  ],
  ['4113221042019001', '', '', '', '', '', '', '', '', '', '王小明', '子', '', '2008', '无劳动能力', ''],
  [
    '4113221042019002',
    '411322104201',
    '2',
    '张桂兰',
    '',
    '中国邮政储蓄银行',
    '6217995012345678902',
    '411322009002',
    '监测户',
    '兜底低保户',
    '张桂兰',
    '户主',
    id('41132219450107202'),
    '',
    '无劳动能力',
    '肢体三级',
  ],
];

const LISTS: Partial<Record<string, string>> = {
  povertyStatus: '"未脱贫,已脱贫,监测户,边缘户"',
  subClass: '"放心户,缺项户,可脱户,沉底户,特困供养户,兜底低保户"',
  labourCapacity: '"有劳动能力,弱劳动能力,无劳动能力"',
};

const TEXT_COLUMNS = new Set([
  'householdNumber',
  'village',
  'group',
  'phone',
  'bankAccount',
  'pointsCardNumber',
  'idNumber',
]);

/** The import template as .xlsx: headings, examples, text-formatted number columns, drop-downs, and notes. */
export async function importTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户导入');
  sheet.columns = HOUSEHOLD_IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 3 + 4),
  }));
  HOUSEHOLD_IMPORT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    // Long numbers typed into a General column lose their last digits; text keeps them.
    if (TEXT_COLUMNS.has(c.key)) column.numFmt = '@';
    if (c.key === 'idNumber' || c.key === 'bankAccount') column.width = 22;
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const values of EXAMPLE_ROWS) sheet.addRow(values);
  HOUSEHOLD_IMPORT_COLUMNS.forEach((c, i) => {
    const list = LISTS[c.key];
    if (!list) return;
    const letter = sheet.getColumn(i + 1).letter;
    for (let row = 2; row <= 500; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
    }
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of HOUSEHOLD_IMPORT_COLUMNS)
    notes.addRow({ header: c.header, required: c.required ? '是' : '', note: c.note });
  notes.addRow({});
  notes.addRow({
    header: '规则',
    note: '每人一行；同一户各行的户编号相同，户的信息填在户主行即可。任何一行有错，整个文件都不会导入，并列出所有错误。',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same template as CSV (UTF-8 with BOM, so Excel shows the Chinese correctly). */
export function importTemplateCsv(): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header), ...EXAMPLE_ROWS].map((r) =>
    r.map(quote).join(','),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
