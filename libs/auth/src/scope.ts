import type { OrganisationType } from '@fupin/contracts';
import { forbidden } from './auth.errors';
import type { Principal } from './principal';

/**
 * Scope checks services make with the resource in hand. Region scopes are code prefixes
 * (county 6 digits ⊃ town 9 ⊃ village 12 ⊃ group 15); an organisation scope reaches the region
 * subtree its organisation sits in; a household (kiosk) session reaches its own household only.
 */

/** The region subtree a principal reaches, or undefined for a household session. */
export function scopeRegionCode(principal: Principal): string | undefined {
  switch (principal.scope.kind) {
    case 'region':
      return principal.scope.code;
    case 'organisation':
      return principal.scope.regionCode;
    case 'household':
      return undefined;
  }
}

/** True when `regionCode` lies in the principal's region subtree. */
export function canAccessRegion(principal: Principal, regionCode: string): boolean {
  const root = scopeRegionCode(principal);
  return root !== undefined && /^\d+$/.test(regionCode) && regionCode.startsWith(root);
}

/** 403 unless `regionCode` lies in the principal's region subtree. */
export function assertRegionInScope(principal: Principal, regionCode: string): void {
  if (!canAccessRegion(principal, regionCode)) {
    throw forbidden('超出您的管辖范围 / Outside your region');
  }
}

/**
 * True when the principal may act on this organisation: an organisation principal on its own
 * organisation only; a region principal on organisations in its subtree.
 */
export function canAccessOrganisation(
  principal: Principal,
  organisation: { id: string; regionCode: string },
): boolean {
  if (principal.scope.kind === 'organisation') return principal.scope.id === organisation.id;
  return canAccessRegion(principal, organisation.regionCode);
}

/** 403 unless {@link canAccessOrganisation}. */
export function assertOrganisationInScope(
  principal: Principal,
  organisation: { id: string; regionCode: string },
): void {
  if (!canAccessOrganisation(principal, organisation)) {
    throw forbidden('不是您所属的机构 / Not your organisation');
  }
}

/** 403 unless the principal is scoped to exactly this organisation (optionally of one of these types). */
export function assertOwnOrganisation(
  principal: Principal,
  organisationId: string,
  types?: readonly OrganisationType[],
): void {
  const scope = principal.scope;
  if (
    scope.kind !== 'organisation' ||
    scope.id !== organisationId ||
    (types && !types.includes(scope.orgType))
  ) {
    throw forbidden('不是您所属的机构 / Not your organisation');
  }
}

/** True for a villager's kiosk session. */
export function isHouseholdSession(principal: Principal): boolean {
  return principal.scope.kind === 'household';
}

/** 403 unless the principal is the kiosk session of exactly this household. */
export function assertHouseholdSession(principal: Principal, householdId: string): void {
  if (principal.scope.kind !== 'household' || principal.scope.householdId !== householdId) {
    throw forbidden('只能查看本户信息 / Only your own household');
  }
}

/**
 * True when the principal may see this household: its own kiosk session, or staff whose region
 * subtree holds the household's village.
 */
export function canAccessHousehold(
  principal: Principal,
  household: { id: string; villageCode: string },
): boolean {
  if (principal.scope.kind === 'household') return principal.scope.householdId === household.id;
  return canAccessRegion(principal, household.villageCode);
}

/** 403 unless {@link canAccessHousehold}. */
export function assertHouseholdInScope(
  principal: Principal,
  household: { id: string; villageCode: string },
): void {
  if (!canAccessHousehold(principal, household)) {
    throw forbidden('该农户不在您的管辖范围 / This household is outside your scope');
  }
}

/** The scope as one line for the audit log: `region:411322104`, `organisation:<id>`, `household:<id>`. */
export function describeScope(principal: Principal): string {
  switch (principal.scope.kind) {
    case 'region':
      return `region:${principal.scope.code}`;
    case 'organisation':
      return `organisation:${principal.scope.id}`;
    case 'household':
      return principal.scope.kioskId
        ? `household:${principal.scope.householdId}@kiosk:${principal.scope.kioskId}`
        : `household:${principal.scope.householdId}@web`;
  }
}
