import {
  STAFF_ROLES,
  type PrincipalScope,
  type Role,
  type SessionUser,
  type StaffRole,
} from '@fupin/contracts';
import { DIVIDENDS_PERMISSIONS } from '../dividends/dividends-permissions';
import { MARKET_PERMISSIONS } from '../market/market-permissions';
import { POINTS_PERMISSIONS } from '../points/points-permissions';

const ADMINS: readonly StaffRole[] = ['county_admin', 'town_admin'];

/**
 * What each role may do in this app, mirroring the registry's route guards (the registry decides;
 * this only keeps the app from offering what would be refused).
 */
export const PERMISSIONS = {
  'regions.read': STAFF_ROLES,
  'regions.write': ADMINS,
  'households.read': ['county_admin', 'town_admin', 'village_admin', 'store_keeper', 'collector', 'auditor'],
  'households.write': ['county_admin', 'town_admin', 'village_admin'],
  /** Set a kiosk PIN, unlock a points card: the village committee and the love-supermarket keeper. */
  'households.card': ['village_admin', 'store_keeper'],
  /** See a full bank account number (audited). */
  'households.bankAccount': ['county_admin'],
  'organisations.read': STAFF_ROLES,
  'organisations.write': ADMINS,
  'kiosks.read': ['county_admin', 'town_admin', 'village_admin', 'store_keeper', 'auditor'],
  'kiosks.write': ['county_admin', 'town_admin', 'village_admin', 'store_keeper'],
  'users.read': ['county_admin', 'town_admin', 'auditor'],
  'users.write': ADMINS,
  'audit.read': ['county_admin', 'auditor'],
  ...POINTS_PERMISSIONS,
  ...MARKET_PERMISSIONS,
  ...DIVIDENDS_PERMISSIONS,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles a user may give to others: any staff role for the county, three for a town (as the registry allows). */
export function manageableRoles(role: Role): readonly StaffRole[] {
  if (role === 'county_admin') return STAFF_ROLES;
  if (role === 'town_admin') return ['village_admin', 'store_keeper', 'collector'];
  return [];
}

/** The region a scope covers: its own code, or the region of the organisation. */
export function scopeRegionCode(scope: PrincipalScope): string {
  if (scope.kind === 'region') return scope.code;
  if (scope.kind === 'organisation') return scope.regionCode;
  return scope.villageCode;
}

/** True when the region lies inside the user's region (a code-prefix test, as the registry does). */
export function regionInScope(user: SessionUser, regionCode: string): boolean {
  return regionCode.startsWith(scopeRegionCode(user.scope));
}
