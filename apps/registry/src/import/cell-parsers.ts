import {
  bankAccountNumberSchema,
  householdNumberSchema,
  LABOUR_CLASS_LABELS,
  phoneSchema,
  pointsCardNumberSchema,
  residentIdNumberSchema,
  SUB_CLASS_LABELS,
  SUB_CLASS_PARENT,
  type HouseholdSubClass,
  type LabourCapacity,
  type LabourClass,
  type MemberRelation,
  type PovertyStatus,
} from '@fupin/contracts';
import type { z } from 'zod';

/** Why a cell was refused, in both languages. */
export interface Reason {
  'zh-CN': string;
  en: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: { 'zh-CN': zh, en } });

/** Contract messages are written `中文 / English`; split them back into the two languages. */
function fromZod<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  const result = schema.safeParse(text);
  if (result.success) return ok(result.data);
  const message = result.error.issues[0]?.message ?? 'invalid';
  const [zh, en] = message.includes(' / ') ? message.split(' / ') : [message, message];
  return fail(zh, en);
}

function lookup<T>(table: Record<string, T>, text: string, zh: string, en: string): Parsed<T> {
  const key = text.replace(/\s/g, '');
  return key in table ? ok(table[key]) : fail(`${zh}“${text}”无法识别`, `${en} "${text}" is not recognised`);
}

const POVERTY: Record<string, PovertyStatus> = {
  未脱贫: 'not_lifted',
  未脱贫户: 'not_lifted',
  贫困户: 'not_lifted',
  not_lifted: 'not_lifted',
  已脱贫: 'lifted',
  脱贫: 'lifted',
  脱贫户: 'lifted',
  已脱贫户: 'lifted',
  lifted: 'lifted',
  监测户: 'monitored',
  脱贫监测户: 'monitored',
  脱贫不稳定户: 'monitored',
  监测: 'monitored',
  monitored: 'monitored',
  边缘户: 'edge',
  边缘易致贫户: 'edge',
  边缘: 'edge',
  edge: 'edge',
};

const RELATIONS: Record<string, MemberRelation> = {
  户主: 'head',
  本人: 'head',
  head: 'head',
  配偶: 'spouse',
  妻: 'spouse',
  妻子: 'spouse',
  夫: 'spouse',
  丈夫: 'spouse',
  spouse: 'spouse',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  之子: 'child',
  之女: 'child',
  长子: 'child',
  次子: 'child',
  长女: 'child',
  次女: 'child',
  子女: 'child',
  child: 'child',
  儿媳: 'child_in_law',
  女婿: 'child_in_law',
  儿媳妇: 'child_in_law',
  child_in_law: 'child_in_law',
  孙子: 'grandchild',
  孙女: 'grandchild',
  外孙子: 'grandchild',
  外孙女: 'grandchild',
  孙子女: 'grandchild',
  grandchild: 'grandchild',
  父亲: 'parent',
  母亲: 'parent',
  父: 'parent',
  母: 'parent',
  父母: 'parent',
  公公: 'parent',
  婆婆: 'parent',
  岳父: 'parent',
  岳母: 'parent',
  parent: 'parent',
  兄: 'sibling',
  弟: 'sibling',
  姐: 'sibling',
  妹: 'sibling',
  哥哥: 'sibling',
  弟弟: 'sibling',
  姐姐: 'sibling',
  妹妹: 'sibling',
  兄弟姐妹: 'sibling',
  sibling: 'sibling',
  其他: 'other',
  其它: 'other',
  other: 'other',
};

const LABOUR: Record<string, LabourCapacity> = {
  有劳动能力: 'full',
  普通劳动力: 'full',
  技能劳动力: 'full',
  劳动力: 'full',
  有: 'full',
  full: 'full',
  弱劳动能力: 'weak',
  弱劳动力: 'weak',
  半劳动力: 'weak',
  部分丧失劳动力: 'weak',
  weak: 'weak',
  无劳动能力: 'none',
  无劳动力: 'none',
  丧失劳动力: 'none',
  丧失劳动能力: 'none',
  无: 'none',
  none: 'none',
};

export const parseHouseholdNumber = (text: string) => fromZod(householdNumberSchema, text);
export const parsePhone = (text: string) => fromZod(phoneSchema, text);
export const parseCard = (text: string) => fromZod(pointsCardNumberSchema, text);
export const parseIdNumber = (text: string) => fromZod(residentIdNumberSchema, text);
export const parsePovertyStatus = (text: string) => lookup(POVERTY, text, '贫困状态', 'Poverty status');
export const parseRelation = (text: string) => lookup(RELATIONS, text, '与户主关系', 'Relation');
export const parseLabourCapacity = (text: string) => lookup(LABOUR, text, '劳动能力', 'Labour capacity');

export const parseBankAccount = (text: string) => fromZod(bankAccountNumberSchema, text);

export function parseDisability(text: string): Parsed<string | null> {
  if (['', '无', '否', '-', '/', '—'].includes(text)) return ok(null);
  return text.length <= 64
    ? ok(text)
    : fail('残疾情况最多 64 字', 'Disability text is at most 64 characters');
}

export function parseBirthYear(text: string): Parsed<number> {
  const year = Number(/^(\d{4})(年|-\d{2}-\d{2})?$/.exec(text)?.[1]);
  if (!year || year < 1900 || year > new Date().getUTCFullYear())
    return fail('出生年份须为 1900 年至今的四位年份', 'Birth year must be a four-digit year from 1900 on');
  return ok(year);
}

/** `放心户`, or with its class: `有劳动能力户-放心户`, `有劳动能力户（放心户）`; codes are accepted too. */
export function parseSubClass(text: string): Parsed<HouseholdSubClass> {
  const found = (Object.keys(SUB_CLASS_LABELS) as HouseholdSubClass[]).filter(
    (s) => text.includes(SUB_CLASS_LABELS[s]['zh-CN']) || text === s,
  );
  if (found.length !== 1)
    return fail(`户类别“${text}”无法识别`, `Household class "${text}" is not recognised`);
  const subClass = found[0];
  const statedClass = (Object.keys(LABOUR_CLASS_LABELS) as LabourClass[]).find((c) =>
    text.includes(LABOUR_CLASS_LABELS[c]['zh-CN']),
  );
  if (statedClass && statedClass !== SUB_CLASS_PARENT[subClass]) {
    return fail(
      `${SUB_CLASS_LABELS[subClass]['zh-CN']}不属于${LABOUR_CLASS_LABELS[statedClass]['zh-CN']}`,
      `${subClass} does not belong to class ${statedClass}`,
    );
  }
  return ok(subClass);
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 1, 1组, 第1组, 一组, 第十二村民小组 → the group's ordinal (undefined when none is written). */
export function groupOrdinal(text: string): number | undefined {
  const digits = /^第?(\d{1,3})(组|村民小组|小组)?$/.exec(text);
  if (digits) return Number(digits[1]);
  const chinese = /^第?([一二三四五六七八九十]{1,3})(组|村民小组|小组)?$/.exec(text)?.[1];
  if (!chinese) return undefined;
  if (chinese.length === 1) return CHINESE_DIGITS[chinese];
  const [a, b, c] = [...chinese].map((ch) => CHINESE_DIGITS[ch]);
  if (chinese.length === 2) return a === 10 ? 10 + b : b === 10 ? a * 10 : undefined;
  return b === 10 ? a * 10 + c : undefined;
}
