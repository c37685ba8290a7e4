import type { PrincipalScope, Role } from '@fupin/contracts';
import {
  assertHouseholdSession,
  assertRegionInScope,
  canAccessHousehold,
  canAccessOrganisation,
  canAccessRegion,
  describeScope,
} from './scope';
import type { Principal } from './principal';

const STORE = '0b7f6c1e-3d0a-4c1e-9a53-5a0d3f6f2b11';
const HOUSEHOLD = '6f1c2a7e-8b1d-4f3a-9c2e-1a2b3c4d5e6f';
const KIOSK = '9a1c2a7e-8b1d-4f3a-9c2e-1a2b3c4d5e6f';

function principal(role: Role, scope: PrincipalScope): Principal {
  return { id: 'p', name: 'p', role, scope, tokenId: 't', issuedAt: new Date(), expiresAt: new Date() };
}

describe('scope helpers', () => {
  const town = principal('town_admin', { kind: 'region', code: '411322104' });
  const village = principal('village_admin', { kind: 'region', code: '411322104201' });
  const keeper = principal('store_keeper', {
    kind: 'organisation',
    id: STORE,
    orgType: 'love_supermarket',
    regionCode: '411322104201',
  });
  const kiosk = principal('household', {
    kind: 'household',
    householdId: HOUSEHOLD,
    villageCode: '411322104201',
    storeId: STORE,
    kioskId: KIOSK,
  });

  it('lets a town administrator reach every village of the town and none of another town', () => {
    expect(canAccessRegion(town, '411322104201')).toBe(true);
    expect(canAccessRegion(town, '411322104299001')).toBe(true);
    expect(canAccessRegion(town, '411322105201')).toBe(false);
    expect(canAccessRegion(town, '411322')).toBe(false);
  });

  it('keeps a village administrator inside the village', () => {
    expect(canAccessRegion(village, '411322104201002')).toBe(true);
    expect(canAccessRegion(village, '411322104202')).toBe(false);
    expect(() => assertRegionInScope(village, '411322104202')).toThrow(/Outside your region/);
  });

  it('refuses codes that are not digits, so a prefix test cannot be tricked', () => {
    expect(canAccessRegion(town, '411322104%')).toBe(false);
  });

  it('limits an organisation principal to its own organisation', () => {
    expect(canAccessOrganisation(keeper, { id: STORE, regionCode: '411322104201' })).toBe(true);
    expect(canAccessOrganisation(keeper, { id: HOUSEHOLD, regionCode: '411322104201' })).toBe(false);
    expect(canAccessOrganisation(town, { id: STORE, regionCode: '411322104201' })).toBe(true);
  });

  it('limits a kiosk session to its own household', () => {
    expect(canAccessHousehold(kiosk, { id: HOUSEHOLD, villageCode: '411322104201' })).toBe(true);
    expect(canAccessHousehold(kiosk, { id: STORE, villageCode: '411322104201' })).toBe(false);
    expect(canAccessRegion(kiosk, '411322104201')).toBe(false);
    expect(() => assertHouseholdSession(kiosk, HOUSEHOLD)).not.toThrow();
    expect(() => assertHouseholdSession(village, HOUSEHOLD)).toThrow();
  });

  it('describes scopes for the audit log', () => {
    expect(describeScope(town)).toBe('region:411322104');
    expect(describeScope(keeper)).toBe(`organisation:${STORE}`);
    expect(describeScope(kiosk)).toBe(`household:${HOUSEHOLD}@kiosk:${KIOSK}`);
  });
});
