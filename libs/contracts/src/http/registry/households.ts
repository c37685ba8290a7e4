import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';
import { groupCodeSchema, regionCodeSchema, villageCodeSchema } from './regions';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/** 贫困状态: 未脱贫 / 已脱贫 / 监测户 (脱贫监测户) / 边缘户. */
export const POVERTY_STATUSES = ['not_lifted', 'lifted', 'monitored', 'edge'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];
export const povertyStatusSchema = z.enum(POVERTY_STATUSES);
export const POVERTY_STATUS_LABELS: Readonly<Record<PovertyStatus, Labels>> = {
  not_lifted: { 'zh-CN': '未脱贫', en: 'Not yet lifted out' },
  lifted: { 'zh-CN': '已脱贫', en: 'Lifted out of poverty' },
  monitored: { 'zh-CN': '监测户', en: 'Monitored after exit' },
  edge: { 'zh-CN': '边缘户', en: 'On the edge' },
};

/** 户分三类: sorting by labour capacity. */
export const LABOUR_CLASSES = ['able', 'weak', 'none'] as const;
export type LabourClass = (typeof LABOUR_CLASSES)[number];
export const labourClassSchema = z.enum(LABOUR_CLASSES);
export const LABOUR_CLASS_LABELS: Readonly<Record<LabourClass, Labels>> = {
  able: { 'zh-CN': '有劳动能力户', en: 'Able to work' },
  weak: { 'zh-CN': '弱劳动能力户', en: 'Weak labour' },
  none: { 'zh-CN': '无劳动能力户', en: 'No labour' },
};

/** The six sub-classes, two under each class. */
export const HOUSEHOLD_SUB_CLASSES = [
  'assured',
  'lacking',
  'exit_ready',
  'deep',
  'destitute',
  'dibao',
] as const;
export type HouseholdSubClass = (typeof HOUSEHOLD_SUB_CLASSES)[number];
export const householdSubClassSchema = z.enum(HOUSEHOLD_SUB_CLASSES);
export const SUB_CLASS_PARENT: Readonly<Record<HouseholdSubClass, LabourClass>> = {
  assured: 'able',
  lacking: 'able',
  exit_ready: 'weak',
  deep: 'weak',
  destitute: 'none',
  dibao: 'none',
};
export const SUB_CLASS_LABELS: Readonly<Record<HouseholdSubClass, Labels>> = {
  assured: { 'zh-CN': '放心户', en: 'Meets all five exit standards' },
  lacking: { 'zh-CN': '缺项户', en: 'Misses an exit standard' },
  exit_ready: { 'zh-CN': '可脱户', en: 'Can exit this year with help' },
  deep: { 'zh-CN': '沉底户', en: 'Cannot exit yet' },
  destitute: { 'zh-CN': '特困供养户', en: 'State-supported destitute' },
  dibao: { 'zh-CN': '兜底低保户', en: 'Minimum living allowance' },
};

/** 与户主关系 */
export const MEMBER_RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'sibling',
  'other',
] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
export const memberRelationSchema = z.enum(MEMBER_RELATIONS);
export const MEMBER_RELATION_LABELS: Readonly<Record<MemberRelation, Labels>> = {
  head: { 'zh-CN': '户主', en: 'Head' },
  spouse: { 'zh-CN': '配偶', en: 'Spouse' },
  child: { 'zh-CN': '子女', en: 'Child' },
  child_in_law: { 'zh-CN': '儿媳/女婿', en: 'Child-in-law' },
  grandchild: { 'zh-CN': '孙子女', en: 'Grandchild' },
  parent: { 'zh-CN': '父母', en: 'Parent' },
  sibling: { 'zh-CN': '兄弟姐妹', en: 'Sibling' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** 劳动能力 */
export const LABOUR_CAPACITIES = ['full', 'weak', 'none'] as const;
export type LabourCapacity = (typeof LABOUR_CAPACITIES)[number];
export const labourCapacitySchema = z.enum(LABOUR_CAPACITIES);
export const LABOUR_CAPACITY_LABELS: Readonly<Record<LabourCapacity, Labels>> = {
  full: { 'zh-CN': '有劳动能力', en: 'Able to work' },
  weak: { 'zh-CN': '弱劳动能力', en: 'Weak labour' },
  none: { 'zh-CN': '无劳动能力', en: 'No labour' },
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-digit resident ID number (身份证号) with a valid birth date and check digit. */
export function isValidResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  if (ID_CHECK[sum % 11] !== value[17]) return false;
  const [y, m, d] = [Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The check digit that completes the first 17 digits of a resident ID number. */
export function residentIdCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

export const residentIdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    isValidResidentIdNumber,
    '身份证号无效（18 位，校验位须正确）/ Invalid resident ID number (18 digits, valid check digit)',
  );

const thisYear = new Date().getUTCFullYear();

/**
 * One member as submitted. `birthYear` may be left out when `idNumber` is given (it is read from it).
 * When editing, `id` names a member on record: left without `idNumber`, that member keeps the ID
 * number on record (staff only ever see it masked). Ignored when registering.
 */
export const householdMemberInputSchema = z
  .strictObject({
    id: z.uuid({ error: '成员 id 须为 UUID / member id must be a UUID' }).optional(),
    name: z.string().trim().min(1).max(32),
    relation: memberRelationSchema,
    idNumber: residentIdNumberSchema.optional(),
    birthYear: z.int().min(1900).max(thisYear).optional(),
    labourCapacity: labourCapacitySchema,
    disability: z.string().trim().max(64).nullable().optional(),
  })
  .superRefine((m, ctx) => {
    const fromId = m.idNumber ? Number(m.idNumber.slice(6, 10)) : undefined;
    if (m.birthYear === undefined && fromId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthYear'],
        message: '须填写出生年份或身份证号 / Give a birth year or an ID number',
      });
    } else if (m.birthYear !== undefined && fromId !== undefined && m.birthYear !== fromId) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthYear'],
        message: '出生年份与身份证号不符 / Birth year does not match the ID number',
      });
    }
  })
  .transform((m) => ({
    ...m,
    birthYear: m.birthYear ?? Number(m.idNumber!.slice(6, 10)),
    disability: m.disability || null,
  }));
export type HouseholdMemberInput = z.input<typeof householdMemberInputSchema>;

const membersSchema = z
  .array(householdMemberInputSchema)
  .min(1)
  .max(30)
  .refine(
    (ms) => ms.filter((m) => m.relation === 'head').length === 1,
    '须有且只有一名户主 / Exactly one member must be the head',
  );

export const householdNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '户编号为 4–32 位字母数字 / A household number has 4–32 letters or digits');
export const pointsCardNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{6,20}$/, '积分卡号为 6–20 位字母数字 / A points-card number has 6–20 letters or digits');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确 / Malformed phone number');
/** A passbook or card number (一折通 / 银行卡); spaces and dashes are dropped. */
export const bankAccountNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{12,30}$/, '银行账号为 12–30 位数字 / A bank account has 12–30 digits'));
export const bankAccountInputSchema = z.strictObject({
  bankName: z.string().trim().min(1).max(64),
  accountNumber: bankAccountNumberSchema,
});
export type BankAccountInput = z.input<typeof bankAccountInputSchema>;

/** `POST /households` (建档立卡). Class and status changes afterwards go through their own endpoints. */
export const registerHouseholdBodySchema = z.strictObject({
  householdNumber: householdNumberSchema,
  villageCode: villageCodeSchema,
  groupCode: groupCodeSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  bankAccount: bankAccountInputSchema.nullable().optional(),
  pointsCardNumber: pointsCardNumberSchema.nullable().optional(),
  povertyStatus: povertyStatusSchema,
  /** The sub-class implies the class. */
  subClass: householdSubClassSchema.nullable().optional(),
  members: membersSchema,
});
export type RegisterHouseholdBody = z.input<typeof registerHouseholdBodySchema>;
export type RegisterHouseholdInput = z.output<typeof registerHouseholdBodySchema>;

/** `PATCH /households/:id`: any of these; `members` replaces the whole list; `null` clears. */
export const updateHouseholdBodySchema = z
  .strictObject({
    /** The version the client read; a stale one is refused with 409 VERSION_CONFLICT. */
    expectedVersion: z.int().min(1).max(1_000_000).optional(),
    groupCode: groupCodeSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    bankAccount: bankAccountInputSchema.nullable().optional(),
    pointsCardNumber: pointsCardNumberSchema.nullable().optional(),
    members: membersSchema.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), '没有要修改的内容 / Nothing to change');
export type UpdateHouseholdBody = z.input<typeof updateHouseholdBodySchema>;
export type UpdateHouseholdInput = z.output<typeof updateHouseholdBodySchema>;

const reasonSchema = z.string().trim().min(1).max(500);

/** `POST /households/:id/classification` (户分三类). */
export const classifyHouseholdBodySchema = z.strictObject({
  subClass: householdSubClassSchema,
  reason: reasonSchema,
  expectedVersion: z.int().min(1).max(1_000_000).optional(),
});
export type ClassifyHouseholdBody = z.infer<typeof classifyHouseholdBodySchema>;

/** `POST /households/:id/status` */
export const changeHouseholdStatusBodySchema = z.strictObject({
  povertyStatus: povertyStatusSchema,
  reason: reasonSchema,
  expectedVersion: z.int().min(1).max(1_000_000).optional(),
});
export type ChangeHouseholdStatusBody = z.infer<typeof changeHouseholdStatusBodySchema>;

/** `PUT /households/:id/pin`: the kiosk PIN, 4–6 digits. */
export const setKioskPinBodySchema = z.strictObject({
  pin: z.string().regex(/^\d{4,6}$/, 'PIN 为 4–6 位数字 / The PIN has 4–6 digits'),
});
export type SetKioskPinBody = z.infer<typeof setKioskPinBodySchema>;

const bool = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
);

/** `GET /households?…` */
export const householdListQuerySchema = paginationQuerySchema.extend({
  /** Any region code: the county, a town, a village or a group (subtree). */
  regionCode: regionCodeSchema.optional(),
  labourClass: labourClassSchema.optional(),
  subClass: householdSubClassSchema.optional(),
  povertyStatus: povertyStatusSchema.optional(),
  /** Part of the head's name, or the start of a household or points-card number. */
  q: z.string().trim().max(64).optional(),
  cardLocked: bool,
  sort: z.enum(['householdNumber', 'headName', 'updatedAt']).default('householdNumber'),
});
export type HouseholdListQuery = z.output<typeof householdListQuerySchema>;

/** One row of the household list. */
export interface HouseholdSummary {
  id: string;
  householdNumber: string;
  headName: string;
  countyCode: string;
  townCode: string;
  villageCode: string;
  villageName: string;
  groupCode: string | null;
  groupName: string | null;
  memberCount: number;
  povertyStatus: PovertyStatus;
  labourClass: LabourClass | null;
  subClass: HouseholdSubClass | null;
  pointsCardNumber: string | null;
  cardLocked: boolean;
  hasPin: boolean;
  version: number;
  updatedAt: string;
}

export interface HouseholdMemberView {
  id: string;
  name: string;
  relation: MemberRelation;
  /** e.g. 411322********1234; the full number is never stored in clear. */
  idNumberMasked: string | null;
  birthYear: number;
  labourCapacity: LabourCapacity;
  disability: string | null;
}

export interface HouseholdDetail extends HouseholdSummary {
  phone: string | null;
  bankName: string | null;
  /** e.g. 6228********1234 */
  bankAccountMasked: string | null;
  members: HouseholdMemberView[];
  createdAt: string;
}

export const HOUSEHOLD_CHANGES = [
  'registered',
  'updated',
  'classified',
  'status_changed',
  'pin_set',
  'card_locked',
  'card_unlocked',
] as const;
export type HouseholdChange = (typeof HOUSEHOLD_CHANGES)[number];

/** One entry of a household's history: what changed, from what to what, who did it. */
export interface HouseholdHistoryEntry {
  id: number;
  occurredAt: string;
  change: HouseholdChange;
  actorId: string;
  actorRole: string;
  actorName: string | null;
  reason: string | null;
  /** Changed fields as `{ field: { from, to } }`; masked values only. */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** `GET /households/:id/bank-account` (county administrators, audited). */
export interface HouseholdBankAccountView {
  householdId: string;
  bankName: string;
  accountNumber: string;
}

export const householdHistoryQuerySchema = paginationQuerySchema;
export type HouseholdHistoryQuery = z.output<typeof householdHistoryQuerySchema>;
