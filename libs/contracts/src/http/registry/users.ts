import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';
import { roleSchema, type PrincipalScope, type Role } from '../../roles';
import { organisationTypeSchema, type OrganisationType } from './organisations';
import { regionCodeSchema, type RegionLevel } from './regions';

/** Staff roles: every role except `household` (a kiosk session) and `villager` (a household's own web sign-in). */
export const STAFF_ROLES = [
  'county_admin',
  'town_admin',
  'village_admin',
  'store_keeper',
  'collector',
  'supermarket_staff',
  'buyer',
  'coop_accountant',
  'auditor',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRoleSchema = z.enum(STAFF_ROLES);

/** Which scope each staff role carries: a region at given levels, or an organisation of given types. */
export type RoleScopeRule =
  | { kind: 'region'; levels: readonly RegionLevel[] }
  | { kind: 'organisation'; orgTypes: readonly OrganisationType[] };

export const ROLE_SCOPE_RULES: Readonly<Record<StaffRole, RoleScopeRule>> = {
  county_admin: { kind: 'region', levels: ['county'] },
  town_admin: { kind: 'region', levels: ['town'] },
  // 村两委 for a village, or 中心户长 for one villager group.
  village_admin: { kind: 'region', levels: ['village', 'group'] },
  auditor: { kind: 'region', levels: ['county'] },
  store_keeper: { kind: 'organisation', orgTypes: ['love_supermarket'] },
  collector: { kind: 'organisation', orgTypes: ['collection_point', 'sorting_station'] },
  supermarket_staff: { kind: 'organisation', orgTypes: ['county_supermarket'] },
  buyer: { kind: 'organisation', orgTypes: ['work_unit'] },
  coop_accountant: {
    kind: 'organisation',
    orgTypes: ['cooperative', 'village_collective', 'enterprise', 'pv_station'],
  },
};

/** Strength rules for staff passwords, shown in forms and enforced by the registry. */
export const PASSWORD_RULES = {
  minLength: 10,
  maxLength: 128,
  description:
    '至少 10 位，须同时包含字母和数字，且不能包含用户名 / At least 10 characters, with letters and digits, not containing the username',
} as const;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z][a-z0-9._-]{2,31}$/,
    '用户名为 3–32 位小写字母、数字或 ._- / A username has 3–32 lower-case letters, digits or ._-',
  );
export const passwordSchema = z.string().min(1).max(PASSWORD_RULES.maxLength);

/** The scope given when creating a user: a region, or an organisation (its region comes with it). */
export const userScopeInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('region'), code: regionCodeSchema }),
  z.strictObject({ kind: z.literal('organisation'), id: z.uuid() }),
]);
export type UserScopeInput = z.infer<typeof userScopeInputSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确 / Malformed phone number');

/** `POST /users` */
export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(32),
  /** Initial password; the user is asked to change it at first login. */
  password: passwordSchema,
  role: staffRoleSchema,
  scope: userScopeInputSchema,
  phone: phone.nullable().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** `PATCH /users/:id` */
export const updateUserBodySchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(32).optional(),
    phone: phone.nullable().optional(),
    role: staffRoleSchema.optional(),
    scope: userScopeInputSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容 / Nothing to change');
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** `POST /users/:id/password`: an administrator sets a temporary password. */
export const resetUserPasswordBodySchema = z.strictObject({ newPassword: passwordSchema });
export type ResetUserPasswordBody = z.infer<typeof resetUserPasswordBodySchema>;

const bool = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
);

/** `GET /users?…` */
export const userListQuerySchema = paginationQuerySchema.extend({
  role: roleSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  organisationId: z.uuid().optional(),
  organisationType: organisationTypeSchema.optional(),
  active: bool,
  q: z.string().trim().max(64).optional(),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  scope: PrincipalScope;
  /** Human-readable scope, e.g. 方城县 / 独树镇 or 砚山铺村爱心超市. */
  scopeName: string;
  phone: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
