/**
 * The household import sheet (CSV or .xlsx), as county offices keep it: one row per person, the
 * household's own columns filled on its head's row (or repeated identically on every row).
 */
export const HOUSEHOLD_IMPORT_COLUMNS = [
  { key: 'householdNumber', header: '户编号', required: true, note: '4–32 位字母数字，同户各行相同' },
  { key: 'village', header: '所属村', required: true, note: '12 位村代码，或村名（可写“镇名村名”）' },
  {
    key: 'group',
    header: '村民小组',
    required: false,
    note: '15 位小组代码，或小组名 / 序号（如 1、一组、第一村民小组）',
  },
  {
    key: 'headName',
    header: '户主姓名',
    required: false,
    note: '可只在户主行填写；填写时须与户主行姓名一致',
  },
  { key: 'phone', header: '联系电话', required: false, note: '手机或座机' },
  { key: 'bankName', header: '开户银行', required: false, note: '填写银行账号时必填' },
  {
    key: 'bankAccount',
    header: '银行账号',
    required: false,
    note: '一折通或银行卡号，12–30 位数字，请设为文本格式',
  },
  { key: 'pointsCardNumber', header: '积分卡号', required: false, note: '6–20 位字母数字，全县唯一' },
  { key: 'povertyStatus', header: '贫困状态', required: true, note: '未脱贫 / 已脱贫 / 监测户 / 边缘户' },
  {
    key: 'subClass',
    header: '户类别',
    required: false,
    note: '放心户 / 缺项户 / 可脱户 / 沉底户 / 特困供养户 / 兜底低保户',
  },
  { key: 'memberName', header: '姓名', required: true, note: '家庭成员姓名，每人一行' },
  {
    key: 'relation',
    header: '与户主关系',
    required: true,
    note: '户主 / 配偶 / 子 / 女 / 儿媳 / 女婿 / 孙子 / 孙女 / 父亲 / 母亲 / 兄弟姐妹 / 其他',
  },
  { key: 'idNumber', header: '身份证号', required: false, note: '18 位，请设为文本格式' },
  { key: 'birthYear', header: '出生年份', required: false, note: '四位年份；填写身份证号时可不填' },
  {
    key: 'labourCapacity',
    header: '劳动能力',
    required: true,
    note: '有劳动能力（普通/技能劳动力） / 弱劳动能力 / 无劳动能力',
  },
  { key: 'disability', header: '残疾情况', required: false, note: '如 肢体三级；无则留空' },
] as const;

export type HouseholdImportColumnKey = (typeof HOUSEHOLD_IMPORT_COLUMNS)[number]['key'];

/** Limits of one import file. */
export const HOUSEHOLD_IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 } as const;

/** One rejected cell or row: the sheet's row number (header = row 1), the column header, why. */
export interface ImportRejection {
  row: number;
  column: string | null;
  reason: { 'zh-CN': string; en: string };
}

/** The `details` of a 422 IMPORT_REJECTED answer: nothing was imported. */
export interface ImportRejectedDetails {
  rowCount: number;
  householdCount: number;
  rejected: ImportRejection[];
}

/** Answer of a successful import (201), or of a dry run (200, `imported: 0`). */
export interface ImportResult {
  dryRun: boolean;
  rowCount: number;
  householdCount: number;
  memberCount: number;
  imported: number;
  households: Array<{ row: number; householdNumber: string; id: string | null }>;
}
