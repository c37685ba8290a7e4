import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';

/**
 * Region codes in the style of the 统计用区划代码: county 6 digits (411322 方城县), town 9,
 * village 12, villager group = village code + 3 digits. A subtree is a code-prefix test.
 */
export const REGION_LEVELS = ['county', 'town', 'village', 'group'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const regionLevelSchema = z.enum(REGION_LEVELS);

export const REGION_CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  county: 6,
  town: 9,
  village: 12,
  group: 15,
};

export const REGION_LEVEL_LABELS: Readonly<
  Record<RegionLevel, { readonly 'zh-CN': string; readonly en: string }>
> = {
  county: { 'zh-CN': '县', en: 'County' },
  town: { 'zh-CN': '乡镇', en: 'Town' },
  village: { 'zh-CN': '行政村', en: 'Village' },
  group: { 'zh-CN': '村民小组', en: 'Villager group' },
};

const codeMessage = '区划代码须为 6、9、12 或 15 位数字 / A region code has 6, 9, 12 or 15 digits';
export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}){0,3}$/, codeMessage);
export const countyCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '县代码须为 6 位数字 / A county code has 6 digits');
export const townCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{9}$/, '乡镇代码须为 9 位数字 / A town code has 9 digits');
export const villageCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, '村代码须为 12 位数字 / A village code has 12 digits');
export const groupCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{15}$/, '村民小组代码须为 15 位数字 / A group code has 15 digits');

/** The level a well-formed code belongs to, by its length. */
export function regionLevelOf(code: string): RegionLevel | undefined {
  return REGION_LEVELS.find((level) => REGION_CODE_LENGTH[level] === code.length && /^\d+$/.test(code));
}

/** The code of the enclosing region at `level` (a prefix), or undefined when `code` is above it. */
export function ancestorCode(code: string, level: RegionLevel): string | undefined {
  const length = REGION_CODE_LENGTH[level];
  return code.length >= length ? code.slice(0, length) : undefined;
}

/** A region as the API shows it. */
export interface RegionView {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  /** Names from the county down to this region, e.g. 方城县 / 独树镇 / 砚山铺村. */
  path: string[];
  childCount: number;
}

/** `POST /regions`: a town, village or group below an existing region. */
export const createRegionBodySchema = z.strictObject({
  code: regionCodeSchema,
  name: z.string().trim().min(1).max(64),
});
export type CreateRegionBody = z.infer<typeof createRegionBodySchema>;

/** `PATCH /regions/:code` */
export const renameRegionBodySchema = z.strictObject({ name: z.string().trim().min(1).max(64) });
export type RenameRegionBody = z.infer<typeof renameRegionBodySchema>;

/** `GET /regions?parentCode=&level=&q=&page=&pageSize=` */
export const regionListQuerySchema = paginationQuerySchema.extend({
  parentCode: regionCodeSchema.optional(),
  level: regionLevelSchema.optional(),
  q: z.string().trim().max(64).optional(),
});
export type RegionListQuery = z.output<typeof regionListQuerySchema>;
