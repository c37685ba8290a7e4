import {
  HOUSEHOLD_IMPORT_COLUMNS,
  type HouseholdImportColumnKey,
  type HouseholdSubClass,
  type ImportRejection,
  type LabourCapacity,
  type MemberRelation,
  type PovertyStatus,
} from '@fupin/contracts';
import {
  parseBankAccount,
  parseBirthYear,
  parseCard,
  parseDisability,
  parseHouseholdNumber,
  parseIdNumber,
  parseLabourCapacity,
  parsePhone,
  parsePovertyStatus,
  parseRelation,
  parseSubClass,
  type Parsed,
  type Reason,
} from './cell-parsers';
import type { Sheet, SheetRow } from './sheet-reader';

type Key = HouseholdImportColumnKey;

/** Other headings county offices use for the same columns. */
const ALIASES: Record<string, Key> = {
  户号: 'householdNumber',
  村: 'village',
  行政村: 'village',
  村名: 'village',
  组: 'group',
  小组: 'group',
  组别: 'group',
  户主: 'headName',
  电话: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  银行: 'bankName',
  开户行: 'bankName',
  银行卡号: 'bankAccount',
  一折通账号: 'bankAccount',
  存折账号: 'bankAccount',
  积分卡: 'pointsCardNumber',
  户类型: 'subClass',
  分类: 'subClass',
  成员姓名: 'memberName',
  家庭成员: 'memberName',
  关系: 'relation',
  身份证号码: 'idNumber',
  证件号码: 'idNumber',
  出生年: 'birthYear',
  劳动力状况: 'labourCapacity',
  残疾: 'disability',
};

const HEADER_OF = Object.fromEntries(HOUSEHOLD_IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<
  Key,
  string
>;

/** Collects rejections; the whole file is refused when there is any. */
export class Rejections {
  readonly list: ImportRejection[] = [];

  add(row: number, column: Key | null, reason: Reason): void {
    this.list.push({ row, column: column ? HEADER_OF[column] : null, reason });
  }

  /** Whether any of these rows already has a rejection (so a follow-on error need not be reported). */
  touches(rows: number[]): boolean {
    return this.list.some((r) => rows.includes(r.row));
  }

  sorted(): ImportRejection[] {
    return [...this.list].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  }
}

/** A value taken from one cell, remembering where it came from. */
export interface Located<T> {
  value: T;
  row: number;
}

export interface ParsedMember {
  row: number;
  name: string;
  relation: MemberRelation;
  idNumber?: string;
  birthYear?: number;
  labourCapacity: LabourCapacity;
  disability: string | null;
}

export interface ParsedHousehold {
  householdNumber: string;
  firstRow: number;
  village?: Located<string>;
  group?: Located<string>;
  headName?: Located<string>;
  phone?: Located<string>;
  bankName?: Located<string>;
  bankAccount?: Located<string>;
  card?: Located<string>;
  povertyStatus?: Located<PovertyStatus>;
  subClass?: Located<HouseholdSubClass>;
  members: ParsedMember[];
}

/** Finds each known column by its heading; a missing required column is one rejection on row 1. */
export function mapColumns(headers: string[], rejections: Rejections): Partial<Record<Key, number>> {
  const index: Partial<Record<Key, number>> = {};
  headers.forEach((raw, i) => {
    const heading = raw.replace(/[\s*＊]/g, '').replace(/[（(].*[)）]$/, '');
    const key = HOUSEHOLD_IMPORT_COLUMNS.find((c) => c.header === heading)?.key ?? ALIASES[heading];
    if (key && index[key] === undefined) index[key] = i;
  });
  for (const column of HOUSEHOLD_IMPORT_COLUMNS) {
    if (column.required && index[column.key] === undefined) {
      rejections.add(1, column.key, {
        'zh-CN': `缺少必填列“${column.header}”`,
        en: `Required column "${column.header}" is missing`,
      });
    }
  }
  return index;
}

/** Parses every row and groups the rows of one household (same 户编号) together. */
export function parseHouseholds(
  sheet: Sheet,
  index: Partial<Record<Key, number>>,
  rejections: Rejections,
): ParsedHousehold[] {
  const households = new Map<string, ParsedHousehold>();
  for (const row of sheet.rows) {
    const text = (key: Key) => (index[key] === undefined ? '' : (row.cells[index[key]!]?.text ?? ''));
    const take = <T>(key: Key, parse: (t: string) => Parsed<T>, required = false): T | undefined => {
      const cell = index[key] === undefined ? undefined : row.cells[index[key]!];
      if (cell?.lossyNumber) {
        rejections.add(row.rowNumber, key, {
          'zh-CN': 'Excel 已把该长数字存为数值并丢失了末位，请把该列设为“文本”后重新填写',
          en: 'Excel stored this long number as a number and lost digits; format the column as text and re-enter it',
        });
        return undefined;
      }
      const t = text(key);
      if (t === '') {
        if (required)
          rejections.add(row.rowNumber, key, { 'zh-CN': '必填项为空', en: 'Required value is empty' });
        return undefined;
      }
      const parsed = parse(t);
      if (!parsed.ok) rejections.add(row.rowNumber, key, parsed.reason);
      return parsed.ok ? parsed.value : undefined;
    };

    const householdNumber = take('householdNumber', parseHouseholdNumber, true);
    if (!householdNumber) continue;
    let household = households.get(householdNumber);
    if (!household) {
      household = { householdNumber, firstRow: row.rowNumber, members: [] };
      households.set(householdNumber, household);
    }
    takeHouseholdLevel(household, row, text, take, rejections);

    const name = take(
      'memberName',
      (t) => (t.length <= 32 ? { ok: true, value: t } : { ok: false, reason: tooLong(32) }),
      true,
    );
    const relation = take('relation', parseRelation, true);
    const labourCapacity = take('labourCapacity', parseLabourCapacity, true);
    const idNumber = take('idNumber', parseIdNumber);
    const birthYear = take('birthYear', parseBirthYear);
    const disability = take('disability', parseDisability) ?? null;
    if (idNumber && birthYear && Number(idNumber.slice(6, 10)) !== birthYear) {
      rejections.add(row.rowNumber, 'birthYear', {
        'zh-CN': '出生年份与身份证号不符',
        en: 'Birth year does not match the ID number',
      });
    }
    if (!idNumber && !birthYear && text('idNumber') === '' && text('birthYear') === '') {
      rejections.add(row.rowNumber, 'birthYear', {
        'zh-CN': '须填写出生年份或身份证号',
        en: 'Give a birth year or an ID number',
      });
    }
    if (name && relation && labourCapacity) {
      household.members.push({
        row: row.rowNumber,
        name,
        relation,
        idNumber,
        birthYear,
        labourCapacity,
        disability,
      });
    }
  }
  return [...households.values()];
}

const HOUSEHOLD_LEVEL: ReadonlyArray<[Key, (t: string) => Parsed<unknown>, keyof ParsedHousehold]> = [
  ['village', (t) => ({ ok: true, value: t }), 'village'],
  ['group', (t) => ({ ok: true, value: t }), 'group'],
  ['headName', (t) => ({ ok: true, value: t }), 'headName'],
  ['phone', parsePhone, 'phone'],
  [
    'bankName',
    (t) => (t.length <= 64 ? { ok: true, value: t } : { ok: false, reason: tooLong(64) }),
    'bankName',
  ],
  ['bankAccount', parseBankAccount, 'bankAccount'],
  ['pointsCardNumber', parseCard, 'card'],
  ['povertyStatus', parsePovertyStatus, 'povertyStatus'],
  ['subClass', parseSubClass, 'subClass'],
];

/** Household columns may be filled on one row or repeated; different values in one household are an error. */
function takeHouseholdLevel(
  household: ParsedHousehold,
  row: SheetRow,
  text: (key: Key) => string,
  take: <T>(key: Key, parse: (t: string) => Parsed<T>) => T | undefined,
  rejections: Rejections,
): void {
  for (const [key, parse, field] of HOUSEHOLD_LEVEL) {
    if (text(key) === '') continue;
    const value = take(key, parse);
    if (value === undefined) continue;
    const existing = household[field] as Located<unknown> | undefined;
    if (!existing)
      (household as unknown as Record<string, Located<unknown>>)[field] = { value, row: row.rowNumber };
    else if (existing.value !== value) {
      rejections.add(row.rowNumber, key, {
        'zh-CN': `与本户第 ${existing.row} 行不一致`,
        en: `Differs from row ${existing.row} of the same household`,
      });
    }
  }
}

function tooLong(max: number): Reason {
  return { 'zh-CN': `最多 ${max} 个字`, en: `At most ${max} characters` };
}

/** Checks that need the whole household: one head, head name, bank name with account, required columns. */
export function checkHouseholds(households: ParsedHousehold[], rejections: Rejections): void {
  for (const h of households) {
    const heads = h.members.filter((m) => m.relation === 'head');
    if (heads.length === 0 && h.members.length > 0) {
      rejections.add(h.firstRow, 'relation', { 'zh-CN': '本户没有户主', en: 'The household has no head' });
    }
    for (const extra of heads.slice(1)) {
      rejections.add(extra.row, 'relation', {
        'zh-CN': '本户有多名户主',
        en: 'The household has more than one head',
      });
    }
    if (h.headName && heads.length === 1 && h.headName.value !== heads[0].name) {
      rejections.add(h.headName.row, 'headName', {
        'zh-CN': `户主姓名与户主行“${heads[0].name}”不符`,
        en: `Head name differs from the head's row ("${heads[0].name}")`,
      });
    }
    if (!h.village)
      rejections.add(h.firstRow, 'village', {
        'zh-CN': '本户未填写所属村',
        en: 'No village given for the household',
      });
    if (!h.povertyStatus)
      rejections.add(h.firstRow, 'povertyStatus', {
        'zh-CN': '本户未填写贫困状态',
        en: 'No poverty status given for the household',
      });
    if (h.bankAccount && !h.bankName)
      rejections.add(h.bankAccount.row, 'bankName', {
        'zh-CN': '填写银行账号时须填写开户银行',
        en: 'Give the bank with the account',
      });
    if (h.bankName && !h.bankAccount)
      rejections.add(h.bankName.row, 'bankAccount', {
        'zh-CN': '填写开户银行时须填写银行账号',
        en: 'Give the account with the bank',
      });
    if (h.members.length > 30)
      rejections.add(h.firstRow, 'memberName', {
        'zh-CN': '一户最多 30 人',
        en: 'At most 30 members per household',
      });
  }
}
