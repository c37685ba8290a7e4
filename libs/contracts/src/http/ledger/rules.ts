import { z } from 'zod';

import { dateSchema, MAX_POINTS_INPUT, ledgerVillageCodeSchema } from './common';

/** One bonus or deduction item of a village's points standard (积分标准). */
export const ruleItemInputSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '条目代码为 1–32 个字母数字 / An item code is 1–32 letters or digits'),
  name: z.string().trim().min(1).max(100),
  /** Positive: a bonus; negative: a deduction. Never zero. */
  points: z
    .int()
    .min(-MAX_POINTS_INPUT)
    .max(MAX_POINTS_INPUT)
    .refine((v) => v !== 0, '分值不能为 0 / points cannot be 0'),
  /** How many times a household may score this item in one month. */
  maxPerMonth: z.int().min(1).max(31).default(1),
  /** Most points a household may earn from this item in a calendar year (bonuses only). */
  yearlyCap: z.int().min(1).max(MAX_POINTS_INPUT).nullable().default(null),
});
export type RuleItemInput = z.input<typeof ruleItemInputSchema>;

/** `POST /rule-sets`: publish a new version of a village's points standard. */
export const createRuleSetBodySchema = z.strictObject({
  villageCode: ledgerVillageCodeSchema,
  effectiveFrom: dateSchema,
  /** Points every household on a month's sheet receives before its items (0 for none). */
  monthlyBase: z.int().min(0).max(MAX_POINTS_INPUT).default(0),
  items: z
    .array(ruleItemInputSchema)
    .min(1)
    .max(200)
    .refine(
      (items) => new Set(items.map((i) => i.code)).size === items.length,
      '条目代码重复 / duplicate item code',
    ),
});
export type CreateRuleSetBody = z.input<typeof createRuleSetBodySchema>;

export interface RuleItemView {
  id: string;
  code: string;
  name: string;
  points: number;
  maxPerMonth: number;
  yearlyCap: number | null;
}

export interface RuleSetView {
  id: string;
  villageCode: string;
  version: number;
  effectiveFrom: string;
  monthlyBase: number;
  createdBy: string;
  createdAt: string;
  items: RuleItemView[];
}
