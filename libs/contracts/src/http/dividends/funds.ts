import { z } from 'zod';

import { fenAmountSchema } from './bodies';

/** 三账: the three kinds of fund, kept apart at every level. */
export const FUND_KINDS = ['project_construction', 'livelihood_protection', 'policy_subsidy'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const FUND_KIND_LABELS: Readonly<Record<FundKind, { 'zh-CN': string; en: string }>> = {
  project_construction: { 'zh-CN': '项目建设资金', en: 'Project construction' },
  livelihood_protection: { 'zh-CN': '民生保障资金', en: 'Livelihood protection' },
  policy_subsidy: { 'zh-CN': '政策补贴资金', en: 'Policy subsidy' },
};

/** 三级: county (6 digits), town (9), village (12). */
export const FUND_LEVELS = ['county', 'town', 'village'] as const;
export type FundLevel = (typeof FUND_LEVELS)[number];

export const registerFundSourceBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(FUND_KINDS),
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码为 6 位 / a county code has 6 digits'),
  amountFen: fenAmountSchema.refine((v) => v !== '0', '金额须大于 0 / the amount must be positive'),
  reference: z.string().trim().min(1).max(200),
});
export type RegisterFundSourceBody = z.infer<typeof registerFundSourceBodySchema>;

/** Moves part of an earlier flow on: down a level, to a village project, or to a household. */
export const allocateFundBodySchema = z.strictObject({
  parentFlowId: z.uuid(),
  to: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('account'), regionCode: z.string().regex(/^\d{9}(\d{3})?$/) }),
    z.strictObject({
      type: z.literal('project'),
      villageCode: z.string().regex(/^\d{12}$/),
      name: z.string().trim().min(2).max(120),
    }),
    z.strictObject({ type: z.literal('household'), householdId: z.uuid() }),
  ]),
  amountFen: fenAmountSchema.refine((v) => v !== '0', '金额须大于 0 / the amount must be positive'),
  purpose: z.string().trim().min(2).max(300),
});
export type AllocateFundBody = z.infer<typeof allocateFundBodySchema>;
