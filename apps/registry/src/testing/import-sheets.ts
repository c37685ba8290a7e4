import {
  HOUSEHOLD_IMPORT_COLUMNS,
  residentIdCheckDigit,
  type ImportRejectedDetails,
  type ImportResult,
} from '@fupin/contracts';
import ExcelJS from 'exceljs';
import { CODES, type ApiAnswer, type RegistryWorld } from './registry-world';

export const HEADERS = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header);

/** A valid resident ID number from its first 17 digits. */
export const idNumber = (first17: string) => first17 + residentIdCheckDigit(first17);

/**
 * Two households, one row per person: 户编号 所属村 村民小组 户主姓名 联系电话 开户银行 银行账号 积分卡号
 * 贫困状态 户类别 姓名 与户主关系 身份证号 出生年份 劳动能力 残疾情况. `tag` and `seq` keep files apart.
 */
export function goodRows(tag: string, seq: string): string[][] {
  // prettier-ignore
  return [
    [`${tag}-0001`, '独树镇砚山铺村', '一组', '张大山', '13837700001', '河南省农村信用社', '6230520000000000001', `${tag}CARD01`, '已脱贫', '有劳动能力户-放心户', '张大山', '户主', idNumber(`41132219700101${seq}1`), '', '普通劳动力', ''],
    [`${tag}-0001`, '', '', '', '', '', '', '', '', '', '王翠英', '妻', idNumber(`41132219720202${seq}2`), '1972', '弱劳动力', '肢体三级'],
    [`${tag}-0001`, '', '', '', '', '', '', '', '', '', '张小军', '子', '', '2010', '无劳动能力', '无'],
    [`${tag}-0002`, CODES.villageA2, '', '', '', '', '', `${tag}CARD02`, '监测户', '兜底低保户', '刘老汉', '户主', idNumber(`41132219440303${seq}3`), '', '丧失劳动力', ''],
  ];
}

export function csv(rows: string[][], headers = HEADERS): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
}

export async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ImportAnswer = ApiAnswer<ImportResult & { code?: string; details?: ImportRejectedDetails }>;

/** Uploads a sheet as the admin app does: multipart form field `file`. */
export function uploadSheet(
  world: RegistryWorld,
  token: string,
  bytes: Buffer | string,
  name: string,
  query = '',
): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return world.call('POST', `/households/import${query}`, { token, rawBody: form });
}

/** Row counts that an import must leave alone when it refuses a file. */
export async function importFootprint(world: RegistryWorld): Promise<Record<string, number>> {
  return {
    households: await world.count('households'),
    members: await world.count('household_members'),
    outbox: await world.count('outbox'),
    history: await world.count('household_history'),
    audit: await world.count('audit_log', "action LIKE 'household.%'"),
  };
}
