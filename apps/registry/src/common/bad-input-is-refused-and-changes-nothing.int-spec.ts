import { randomUUID } from 'node:crypto';
import { CODES, householdBody, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

describe('bad input: a clear 4xx with {code, message}, and nothing changed', () => {
  let world: RegistryWorld;
  let token: string;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        [
          'households',
          'household_members',
          'household_history',
          'organisations',
          'regions',
          'users',
          'kiosks',
          'outbox',
          'audit_log',
        ].map(async (t) => [t, await world.count(t)] as const),
      ),
    );
  let before: Record<string, number>;

  beforeAll(async () => {
    world = await startRegistryWorld();
    token = await world.token('county');
    before = await counts();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const good = () => householdBody({ householdNumber: 'BAD-0001', villageCode: CODES.villageA1 });

  it.each([
    ['a number where text belongs', { ...good(), householdNumber: 12345 }],
    ['an unknown field', { ...good(), wealth: 'lots' }],
    [
      'a huge birth year',
      { ...good(), members: [{ name: '甲', relation: 'head', birthYear: 1e20, labourCapacity: 'full' }] },
    ],
    [
      'a negative birth year',
      { ...good(), members: [{ name: '甲', relation: 'head', birthYear: -5, labourCapacity: 'full' }] },
    ],
    [
      'a fractional birth year',
      { ...good(), members: [{ name: '甲', relation: 'head', birthYear: 1970.5, labourCapacity: 'full' }] },
    ],
    [
      'an ID number with a wrong check digit',
      {
        ...good(),
        members: [{ name: '甲', relation: 'head', idNumber: '411322197001010011', labourCapacity: 'full' }],
      },
    ],
    [
      'an ID number that disagrees with the birth year',
      {
        ...good(),
        members: [
          {
            name: '甲',
            relation: 'head',
            idNumber: '411322197001010010',
            birthYear: 1971,
            labourCapacity: 'full',
          },
        ],
      },
    ],
    [
      'no head',
      { ...good(), members: [{ name: '甲', relation: 'spouse', birthYear: 1970, labourCapacity: 'full' }] },
    ],
    [
      'two heads',
      {
        ...good(),
        members: [
          { name: '甲', relation: 'head', birthYear: 1970, labourCapacity: 'full' },
          { name: '乙', relation: 'head', birthYear: 1971, labourCapacity: 'full' },
        ],
      },
    ],
    ['an unknown status', { ...good(), povertyStatus: 'rich' }],
    ['a village code that is a town code', { ...good(), villageCode: CODES.townA }],
    [
      'a 10-character name as an array',
      { ...good(), members: [{ name: ['甲'], relation: 'head', birthYear: 1970, labourCapacity: 'full' }] },
    ],
    [
      'a bank account with letters',
      { ...good(), bankAccount: { bankName: '农信社', accountNumber: '6230abc' } },
    ],
    ['a 4-digit PIN field where none belongs', { ...good(), pin: '1234' }],
    ['an empty body', {}],
    ['an array body', [good()]],
  ])('refuses a household with %s: 400 VALIDATION_FAILED', async (_what, body) => {
    const res = await world.call<{ code: string; message: string }>('POST', '/households', { token, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message.length).toBeGreaterThan(0);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await world.call('POST', '/households', {
      token,
      rawBody: '{"householdNumber": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    const unknown = randomUUID();
    expect(await world.call('GET', `/households/${unknown}`, { token })).toMatchObject({
      status: 404,
      body: { code: 'HOUSEHOLD_NOT_FOUND' },
    });
    expect(
      (await world.call('PATCH', `/households/${unknown}`, { token, body: { phone: '13800000000' } })).status,
    ).toBe(404);
    expect(
      (
        await world.call('POST', `/households/${unknown}/status`, {
          token,
          body: { povertyStatus: 'lifted', reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await world.call('GET', `/organisations/${unknown}`, { token })).body).toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
    expect((await world.call('GET', `/users/${unknown}`, { token })).body).toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    expect((await world.call('GET', `/kiosks/${unknown}`, { token })).body).toMatchObject({
      code: 'KIOSK_NOT_FOUND',
    });
    expect(await world.call('GET', '/households/not-a-uuid', { token })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await world.call('GET', '/regions/41132', { token })).toMatchObject({ status: 400 });
    expect(await world.call('GET', '/regions/411399', { token })).toMatchObject({
      status: 404,
      body: { code: 'REGION_NOT_FOUND' },
    });
  });

  it('refuses references to things that do not exist: village, group, organisation', async () => {
    const noVillage = await world.call('POST', '/households', {
      token,
      body: householdBody({ householdNumber: 'BAD-0002', villageCode: '411322104299' }),
    });
    expect(noVillage).toMatchObject({ status: 422, body: { code: 'HOUSEHOLD_VILLAGE_NOT_FOUND' } });
    const wrongGroup = await world.call('POST', '/households', {
      token,
      body: householdBody({
        householdNumber: 'BAD-0003',
        villageCode: CODES.villageA2,
        groupCode: CODES.groupA1,
      }),
    });
    expect(wrongGroup).toMatchObject({ status: 422, body: { code: 'HOUSEHOLD_GROUP_NOT_FOUND' } });
    const noOrg = await world.call('POST', '/users', {
      token,
      body: {
        username: 'phantom',
        displayName: 'phantom',
        password: 'Ghost-pass-2024',
        role: 'buyer',
        scope: { kind: 'organisation', id: randomUUID() },
      },
    });
    expect(noOrg).toMatchObject({ status: 422, body: { code: 'SCOPE_NOT_FOUND' } });
    const noRegion = await world.call('POST', '/organisations', {
      token,
      body: { type: 'love_supermarket', name: '无村超市', regionCode: '411322104299' },
    });
    expect(noRegion).toMatchObject({ status: 422, body: { code: 'ORGANISATION_REGION_NOT_FOUND' } });
  });

  it('refuses out-of-range pagination and filters with 400', async () => {
    for (const query of [
      'pageSize=100000',
      'pageSize=-1',
      'page=0',
      'page=abc',
      'povertyStatus=rich',
      'regionCode=41%25',
      'sort=id;drop',
    ]) {
      const res = await world.call('GET', `/households?${query}`, { token });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    expect((await world.call('GET', '/audit?from=yesterday', { token })).status).toBe(400);
    expect((await world.call('GET', '/audit?from=2026-02-01&to=2026-01-01', { token })).body).toMatchObject({
      code: 'AUDIT_BAD_RANGE',
    });
  });

  it('refuses conflicting changes with 409: duplicates and stale versions', async () => {
    const dupNumber = await world.call('POST', '/households', {
      token,
      body: householdBody({ householdNumber: 'A1-0001', villageCode: CODES.villageA1 }),
    });
    expect(dupNumber).toMatchObject({ status: 409, body: { code: 'HOUSEHOLD_NUMBER_TAKEN' } });
    const dupCard = await world.call('POST', '/households', {
      token,
      body: householdBody({
        householdNumber: 'BAD-0004',
        villageCode: CODES.villageA1,
        pointsCardNumber: 'CARDB1',
      }),
    });
    expect(dupCard).toMatchObject({ status: 409, body: { code: 'POINTS_CARD_TAKEN' } });
    const stale = await world.call('PATCH', `/households/${world.households.a1.id}`, {
      token,
      body: { expectedVersion: 99, phone: '13800000000' },
    });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'VERSION_CONFLICT', details: { currentVersion: 1 } },
    });
    const secondStore = await world.call('POST', '/organisations', {
      token,
      body: { type: 'love_supermarket', name: '又一家', regionCode: CODES.villageA1 },
    });
    expect(secondStore).toMatchObject({ status: 409, body: { code: 'ORGANISATION_EXISTS' } });
    const storeInTown = await world.call('POST', '/organisations', {
      token,
      body: { type: 'love_supermarket', name: '镇超市', regionCode: CODES.townA },
    });
    expect(storeInTown).toMatchObject({ status: 422, body: { code: 'ORGANISATION_REGION_LEVEL' } });
  });

  it('has changed nothing at all', async () => {
    expect(await counts()).toEqual(before);
  });
});
