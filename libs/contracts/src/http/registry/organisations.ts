import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';
import { regionCodeSchema, type RegionLevel } from './regions';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * Organisations the registry knows as scopes. Cooperatives, collectives, enterprises and PV stations
 * keep their details (members, shares, income) in the dividends service.
 */
export const ORGANISATION_TYPES = [
  'work_unit',
  'cooperative',
  'village_collective',
  'enterprise',
  'pv_station',
  'love_supermarket',
  'collection_point',
  'sorting_station',
  'county_supermarket',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const organisationTypeSchema = z.enum(ORGANISATION_TYPES);

export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationType, Labels>> = {
  work_unit: { 'zh-CN': '预算单位（干部职工所在单位）', en: 'Work unit' },
  cooperative: { 'zh-CN': '合作社', en: 'Cooperative' },
  village_collective: { 'zh-CN': '村集体经济组织', en: 'Village collective' },
  enterprise: { 'zh-CN': '带贫企业', en: 'Enterprise' },
  pv_station: { 'zh-CN': '光伏电站', en: 'Photovoltaic station' },
  love_supermarket: { 'zh-CN': '爱心超市', en: 'Love supermarket' },
  collection_point: { 'zh-CN': '收购点', en: 'Collection point' },
  sorting_station: { 'zh-CN': '分拣站', en: 'Sorting station' },
  county_supermarket: { 'zh-CN': '扶贫超市', en: 'County poverty-alleviation supermarket' },
};

/** The region levels each type may sit at (love supermarket: one per village; county supermarket: one per county). */
export const ORGANISATION_REGION_LEVELS: Readonly<Record<OrganisationType, readonly RegionLevel[]>> = {
  work_unit: ['county', 'town'],
  cooperative: ['county', 'town', 'village'],
  village_collective: ['village'],
  enterprise: ['county', 'town', 'village'],
  pv_station: ['county', 'town', 'village'],
  love_supermarket: ['village'],
  collection_point: ['village'],
  sorting_station: ['town'],
  county_supermarket: ['county'],
};

/** `POST /organisations` */
export const createOrganisationBodySchema = z.strictObject({
  type: organisationTypeSchema,
  name: z.string().trim().min(1).max(100),
  regionCode: regionCodeSchema,
  contactName: z.string().trim().min(1).max(32).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确 / Malformed phone number')
    .nullable()
    .optional(),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

/** `PATCH /organisations/:id` (type and region are fixed once created). */
export const updateOrganisationBodySchema = createOrganisationBodySchema
  .pick({ name: true, contactName: true, contactPhone: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容 / Nothing to change');
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBodySchema>;

const bool = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
);

/** `GET /organisations?…` */
export const organisationListQuerySchema = paginationQuerySchema.extend({
  type: organisationTypeSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(64).optional(),
  active: bool,
});
export type OrganisationListQuery = z.output<typeof organisationListQuerySchema>;

export interface OrganisationView {
  id: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  regionName: string;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
