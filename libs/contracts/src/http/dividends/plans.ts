import { z } from 'zod';

import { labourClassSchema, povertyStatusSchema } from '../registry/households';

/** 股份类型: ordinary shares, preferred shares for poor households (优先股), shares quantified from poverty funds (折股量化). */
export const SHARE_KINDS = ['ordinary', 'preferred', 'poverty_fund'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
export const shareKindSchema = z.enum(SHARE_KINDS);

/**
 * What a pro-rata step weighs households by: shares held on the period's last day, shares × days
 * held during the period, one each, household members, or days of public-welfare work (公益岗位) attended.
 */
export const PRO_RATA_BASES = ['shares', 'share_days', 'equal', 'members', 'days_worked'] as const;
export type ProRataBasis = (typeof PRO_RATA_BASES)[number];

const accountNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, '账户名须为小写字母、数字、下划线 / account names are lower_snake_case');
const labelSchema = z.string().trim().min(1).max(60);

/** Which households a step considers; absent fields do not filter. */
export const householdFilterSchema = z.strictObject({
  labourClasses: z.array(labourClassSchema).min(1).optional(),
  povertyStatuses: z.array(povertyStatusSchema).min(1).optional(),
});
export type HouseholdFilter = z.infer<typeof householdFilterSchema>;

/** Priority for monitored households (防止返贫监测): their weight is multiplied by percent/100. */
export const upliftSchema = z.strictObject({
  povertyStatuses: z.array(povertyStatusSchema).min(1),
  percent: z.int().min(100).max(1000),
});

/** A ceiling per household; what is over it is shared among the others, or sent to a named account. */
export const capSchema = z.strictObject({
  maxPerHouseholdFen: z.int().min(1),
  excess: z.union([z.literal('redistribute'), z.strictObject({ account: accountNameSchema })]),
});

export interface AccountStep {
  type: 'account';
  account: string;
  label: string;
}
export interface ProRataStep {
  type: 'pro_rata';
  label: string;
  basis: ProRataBasis;
  shareKinds?: ShareKind[];
  filter?: HouseholdFilter;
  uplift?: z.infer<typeof upliftSchema>;
  cap?: z.infer<typeof capSchema>;
  /** Where the money goes when no household qualifies (else the dry run fails). */
  ifNobody?: { account: string };
}
export interface SplitStep {
  type: 'split';
  label: string;
  parts: Array<{ key: string; label: string; ratio: number; step: PlanStep }>;
}
export interface MinimumStep {
  type: 'minimum';
  label: string;
  perHouseholdFen: number;
  filter?: HouseholdFilter;
  then: PlanStep;
}
/** One node of a distribution plan: a tree of steps, each receiving an amount to pass on. */
export type PlanStep = AccountStep | ProRataStep | SplitStep | MinimumStep;

export const planStepSchema: z.ZodType<PlanStep> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('account'), account: accountNameSchema, label: labelSchema }),
    z.strictObject({
      type: z.literal('pro_rata'),
      label: labelSchema,
      basis: z.enum(PRO_RATA_BASES),
      shareKinds: z.array(shareKindSchema).min(1).optional(),
      filter: householdFilterSchema.optional(),
      uplift: upliftSchema.optional(),
      cap: capSchema.optional(),
      ifNobody: z.strictObject({ account: accountNameSchema }).optional(),
    }),
    z.strictObject({
      type: z.literal('split'),
      label: labelSchema,
      parts: z
        .array(
          z.strictObject({
            key: accountNameSchema,
            label: labelSchema,
            ratio: z.int().min(1).max(1_000_000),
            step: planStepSchema,
          }),
        )
        .min(1)
        .max(20)
        .refine(
          (parts) => new Set(parts.map((p) => p.key)).size === parts.length,
          '各部分 key 不能重复 / part keys must be unique',
        ),
    }),
    z.strictObject({
      type: z.literal('minimum'),
      label: labelSchema,
      perHouseholdFen: z.int().min(1).max(100_000_000),
      filter: householdFilterSchema.optional(),
      then: planStepSchema,
    }),
  ]),
);

/** A distribution plan (分配方案) as stored: format version and the root step. */
export const planDocumentSchema = z.strictObject({
  format: z.literal(1),
  root: planStepSchema,
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;

/**
 * The PV differentiated plan (光伏差异化分配) as a default: most of the station's income paid as wages
 * for public-welfare jobs by days worked, a share for households without labour (monitored
 * households weighted ×1.5), and a reserve for village public works. Ratios are the village's to set.
 */
export const PV_DIFFERENTIATED_PLAN: PlanDocument = {
  format: 1,
  root: {
    type: 'split',
    label: '光伏收益差异化分配',
    parts: [
      {
        key: 'public_welfare_wages',
        label: '公益岗位工资',
        ratio: 70,
        step: {
          type: 'pro_rata',
          label: '按实际出勤天数',
          basis: 'days_worked',
          ifNobody: { account: 'village_public_works' },
        },
      },
      {
        key: 'no_labour_support',
        label: '无劳动能力户补助',
        ratio: 20,
        step: {
          type: 'pro_rata',
          label: '无劳动能力户按户均分（监测户上浮50%）',
          basis: 'equal',
          filter: { labourClasses: ['none'] },
          uplift: { povertyStatuses: ['monitored', 'edge'], percent: 150 },
          ifNobody: { account: 'village_public_works' },
        },
      },
      {
        key: 'village_public_works',
        label: '村级公益事业',
        ratio: 10,
        step: { type: 'account', account: 'village_public_works', label: '村级公益事业留存' },
      },
    ],
  },
};

/** 55% households by shares × days / 30% village collective / 15% running costs. */
export const COOPERATIVE_DIVIDEND_PLAN: PlanDocument = {
  format: 1,
  root: {
    type: 'split',
    label: '合作社盈余分配',
    parts: [
      {
        key: 'households',
        label: '社员分红',
        ratio: 55,
        step: { type: 'pro_rata', label: '按股份×持股天数', basis: 'share_days' },
      },
      {
        key: 'village_collective',
        label: '村集体',
        ratio: 30,
        step: { type: 'account', account: 'village_collective', label: '村集体经济收入' },
      },
      {
        key: 'running_costs',
        label: '运营成本',
        ratio: 15,
        step: { type: 'account', account: 'running_costs', label: '合作社运营成本' },
      },
    ],
  },
};
