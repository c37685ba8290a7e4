import {
  accessTokenClaimsSchema,
  householdMemberInputSchema,
  householdRegisteredV1,
  householdStatusChangedV1,
  isValidResidentIdNumber,
  organisationCreatedV1,
  registerHouseholdBodySchema,
  residentIdCheckDigit,
  ROLE_SCOPE_RULES,
  STAFF_ROLES,
  SUB_CLASS_PARENT,
  TOPICS,
} from './index';

describe('registry contracts', () => {
  it('checks resident ID numbers: 18 characters, a real birth date, the check digit', () => {
    const first17 = '41132219680315201';
    const id = first17 + residentIdCheckDigit(first17);
    expect(isValidResidentIdNumber(id)).toBe(true);
    expect(isValidResidentIdNumber(`${first17}${id[17] === '0' ? '1' : '0'}`)).toBe(false);
    expect(isValidResidentIdNumber('41132219680230201X')).toBe(false);
    expect(isValidResidentIdNumber('4113221968031520')).toBe(false);
  });

  it('reads a member’s birth year from the ID number when it is not given', () => {
    const first17 = '41132219700822202';
    const member = householdMemberInputSchema.parse({
      name: '李秀英',
      relation: 'spouse',
      idNumber: (first17 + residentIdCheckDigit(first17)).toLowerCase(),
      labourCapacity: 'weak',
    });
    expect(member).toMatchObject({ birthYear: 1970, disability: null });
  });

  it('puts each of the six sub-classes under one of the three classes', () => {
    expect(Object.values(SUB_CLASS_PARENT).sort()).toEqual(['able', 'able', 'none', 'none', 'weak', 'weak']);
  });

  it('requires exactly one head in a registration', () => {
    const body = {
      householdNumber: 'H-0001',
      villageCode: '411322104201',
      povertyStatus: 'lifted',
      members: [{ name: '甲', relation: 'spouse', birthYear: 1970, labourCapacity: 'full' }],
    };
    expect(registerHouseholdBodySchema.safeParse(body).success).toBe(false);
    body.members[0].relation = 'head';
    expect(registerHouseholdBodySchema.safeParse(body).success).toBe(true);
  });

  it('gives every staff role a scope rule', () => {
    for (const role of STAFF_ROLES) expect(ROLE_SCOPE_RULES[role]).toBeDefined();
  });

  it('defines household and organisation events on the registry topics', () => {
    expect(householdRegisteredV1.topic).toBe(TOPICS.registryHouseholds);
    expect(householdStatusChangedV1.type).toBe('registry.household.statusChanged');
    expect(organisationCreatedV1.topic).toBe(TOPICS.registryOrganisations);
    const event = organisationCreatedV1.create({
      aggregateId: '0b7f6c1e-3d0a-4c1e-9a53-5a0d3f6f2b11',
      payload: {
        organisationId: '0b7f6c1e-3d0a-4c1e-9a53-5a0d3f6f2b11',
        type: 'love_supermarket',
        name: '砚山铺村爱心超市',
        regionCode: '411322104201',
        countyCode: '411322',
        townCode: '411322104',
        villageCode: '411322104201',
        active: true,
      },
    });
    expect(organisationCreatedV1.parse(JSON.parse(JSON.stringify(event))).ok).toBe(true);
  });

  it('reads token claims with a region, organisation or household scope, and refuses unknown roles', () => {
    const base = {
      sub: 'u',
      name: 'n',
      iss: 'fupin-registry',
      aud: 'fupin-platform',
      exp: 2,
      iat: 1,
      jti: 'j',
    };
    expect(
      accessTokenClaimsSchema.safeParse({
        ...base,
        role: 'town_admin',
        scope: { kind: 'region', code: '411322104' },
      }).success,
    ).toBe(true);
    expect(
      accessTokenClaimsSchema.safeParse({ ...base, role: 'root', scope: { kind: 'region', code: '411322' } })
        .success,
    ).toBe(false);
    expect(
      accessTokenClaimsSchema.safeParse({
        ...base,
        role: 'buyer',
        scope: { kind: 'organisation', id: 'x', orgType: 'work_unit', regionCode: '411322' },
      }).success,
    ).toBe(false);
  });
});
