import { z } from 'zod';

import { organisationTypeSchema } from './http/registry/organisations';

/**
 * Every role a user can hold. A role is always paired with a region or organisation scope
 * (county / town / village, cooperative, work unit); the guard in `libs/auth` checks both.
 */
export const ROLES = [
  'county_admin',
  'town_admin',
  'village_admin',
  'store_keeper',
  'collector',
  'supermarket_staff',
  'buyer',
  'coop_accountant',
  'auditor',
  'household',
  'villager',
] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Validates a role name (JWT claims, admin forms). */
export const roleSchema = z.enum(ROLES);

/** Display names, zh-CN first; the UI's i18n may override them. */
export const ROLE_LABELS: Readonly<Record<Role, { readonly 'zh-CN': string; readonly en: string }>> = {
  county_admin: { 'zh-CN': '县级管理员（扶贫办）', en: 'County administrator' },
  town_admin: { 'zh-CN': '乡镇管理员', en: 'Town administrator' },
  village_admin: { 'zh-CN': '村级管理员（村两委）', en: 'Village administrator' },
  store_keeper: { 'zh-CN': '爱心超市管理员', en: 'Love-supermarket keeper' },
  collector: { 'zh-CN': '收购点收购员', en: 'Collection-point collector' },
  supermarket_staff: { 'zh-CN': '扶贫超市店员', en: 'County supermarket staff' },
  buyer: { 'zh-CN': '采购人（干部职工）', en: 'Buyer (public employee)' },
  coop_accountant: { 'zh-CN': '合作社会计', en: 'Cooperative accountant' },
  auditor: { 'zh-CN': '审计员', en: 'Auditor' },
  household: { 'zh-CN': '农户', en: 'Household' },
  villager: { 'zh-CN': '农户（网上查询）', en: 'Household (online, read only)' },
};

/** True when `value` is a known role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A region subtree: the county, a town, a village or a villager group (code-prefix test). */
export const regionScopeSchema = z.object({
  kind: z.literal('region'),
  code: z.string().regex(/^\d{6}(\d{3}){0,3}$/),
});

/** One organisation (work unit, cooperative, love supermarket…), which sits in a region. */
export const organisationScopeSchema = z.object({
  kind: z.literal('organisation'),
  id: z.uuid(),
  orgType: organisationTypeSchema,
  regionCode: z.string().regex(/^\d{6}(\d{3}){0,3}$/),
});

/**
 * One household. A kiosk session (role `household`) also names the kiosk and its love supermarket;
 * a household signed in on the web with its card and PIN (role `villager`, read only) names neither.
 */
export const householdScopeSchema = z.object({
  kind: z.literal('household'),
  householdId: z.uuid(),
  villageCode: z.string().regex(/^\d{12}$/),
  storeId: z.uuid().optional(),
  kioskId: z.uuid().optional(),
});

/** Where a principal may act. Every role carries one. */
export const principalScopeSchema = z.discriminatedUnion('kind', [
  regionScopeSchema,
  organisationScopeSchema,
  householdScopeSchema,
]);
export type PrincipalScope = z.infer<typeof principalScopeSchema>;
export type RegionScope = z.infer<typeof regionScopeSchema>;
export type OrganisationScope = z.infer<typeof organisationScopeSchema>;
export type HouseholdScope = z.infer<typeof householdScopeSchema>;

/**
 * The claims of an access token signed by the registry (ES256). `sid` names the kiosk session of a
 * household token. Unknown claims are ignored.
 */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  scope: principalScopeSchema,
  iss: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number().int(),
  iat: z.number().int(),
  jti: z.string().min(1),
  sid: z.string().optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;
