import {
  organisationCreatedV1,
  organisationUpdatedV1,
  type OrganisationView,
  type Paginated,
  type RegionView,
  type UserView,
} from '@fupin/contracts';
import { CODES, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

describe('users, organisations and regions are managed inside the administrator’s scope', () => {
  let world: RegistryWorld;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const newUser = (
    token: string,
    username: string,
    role: string,
    scope: unknown,
    password = 'Strong-pass-2024',
  ) =>
    world.call<UserView & { code?: string }>('POST', '/users', {
      token,
      body: { username, displayName: username, password, role, scope },
    });

  it('lets a town administrator create village staff in the town only, and no higher roles', async () => {
    const town = await world.token('town-a');
    const ok = await newUser(town, 'a2-helper', 'village_admin', { kind: 'region', code: CODES.villageA2 });
    expect(ok).toMatchObject({
      status: 201,
      body: {
        role: 'village_admin',
        scope: { kind: 'region', code: CODES.villageA2 },
        scopeName: '方城县 / 独树镇 / 扳倒井村',
        mustChangePassword: true,
      },
    });
    expect(
      (await newUser(town, 'b1-helper', 'village_admin', { kind: 'region', code: CODES.villageB1 })).status,
    ).toBe(403);
    expect((await newUser(town, 'boss', 'county_admin', { kind: 'region', code: CODES.county })).status).toBe(
      403,
    );
    expect(
      (await newUser(town, 'keeper-x', 'store_keeper', { kind: 'organisation', id: world.orgs.storeA1 }))
        .status,
    ).toBe(201);
    expect(
      (await newUser(town, 'keeper-y', 'store_keeper', { kind: 'organisation', id: world.orgs.storeB1 }))
        .status,
    ).toBe(403);
    expect(
      (
        await newUser(await world.token('village-a1'), 'nope', 'store_keeper', {
          kind: 'organisation',
          id: world.orgs.storeA1,
        })
      ).status,
    ).toBe(403);
  });

  it('checks that the scope fits the role and the password is strong', async () => {
    const county = await world.token('county');
    expect(
      (await newUser(county, 'wrong-scope', 'store_keeper', { kind: 'region', code: CODES.villageA1 })).body
        .code,
    ).toBe('SCOPE_NOT_ALLOWED_FOR_ROLE');
    expect(
      (await newUser(county, 'wrong-org', 'store_keeper', { kind: 'organisation', id: world.orgs.workUnit }))
        .body.code,
    ).toBe('SCOPE_NOT_ALLOWED_FOR_ROLE');
    expect(
      (await newUser(county, 'wrong-level', 'town_admin', { kind: 'region', code: CODES.villageA1 })).body
        .code,
    ).toBe('SCOPE_NOT_ALLOWED_FOR_ROLE');
    expect(
      (await newUser(county, 'weakling', 'auditor', { kind: 'region', code: CODES.county }, 'password')).body
        .code,
    ).toBe('WEAK_PASSWORD');
    expect(
      (await newUser(county, 'county', 'auditor', { kind: 'region', code: CODES.county })).body.code,
    ).toBe('USERNAME_TAKEN');
    const group = await newUser(county, 'centre-head', 'village_admin', {
      kind: 'region',
      code: CODES.groupA1,
    });
    expect(group.status).toBe(201);
  });

  it('lists users inside the scope, paginated and filtered', async () => {
    const town = await world.token('town-b');
    const page = await world.call<Paginated<UserView>>('GET', '/users?pageSize=50', { token: town });
    expect(page.body.items.map((u) => u.username).sort()).toEqual(['keeper-b1', 'town-b', 'village-b1']);
    const keepers = await world.call<Paginated<UserView>>('GET', '/users?role=store_keeper', {
      token: await world.token('county'),
    });
    expect(keepers.body.items.every((u) => u.role === 'store_keeper')).toBe(true);
    expect((await world.call('GET', `/users?regionCode=${CODES.townA}`, { token: town })).status).toBe(403);
  });

  it('signs a user out when their role or scope changes, and refuses changing one’s own role', async () => {
    const county = await world.token('county');
    const login = await world.call<{ refreshToken: string; user: { id: string } }>('POST', '/auth/login', {
      body: { username: 'village-a2', password: 'Test-pass-2024' },
    });
    const moved = await world.call<UserView>('PATCH', `/users/${login.body.user.id}`, {
      token: county,
      body: { scope: { kind: 'region', code: CODES.villageA1 } },
    });
    expect(moved).toMatchObject({ status: 200, body: { scope: { code: CODES.villageA1 } } });
    expect(
      (await world.call('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status,
    ).toBe(401);
    const me = await world.call<{ id: string }>('GET', '/auth/me', { token: county });
    expect(
      (await world.call('PATCH', `/users/${me.body.id}`, { token: county, body: { role: 'auditor' } })).body,
    ).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCOUNT' });
  });

  it('creates organisations in scope with an event; one love supermarket per village', async () => {
    const town = await world.token('town-a');
    const created = await world.call<OrganisationView>('POST', '/organisations', {
      token: town,
      body: {
        type: 'sorting_station',
        name: '独树镇农产品分拣站',
        regionCode: CODES.townA,
        contactName: '郑强',
        contactPhone: '0377-67123456',
      },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { type: 'sorting_station', regionName: '独树镇', active: true },
    });
    const [event] = await world.dataSource.query('SELECT envelope FROM outbox WHERE message_key = $1', [
      created.body.id,
    ]);
    expect(organisationCreatedV1.parseOrThrow(event.envelope).payload).toMatchObject({
      organisationId: created.body.id,
      type: 'sorting_station',
      regionCode: CODES.townA,
      countyCode: CODES.county,
      townCode: CODES.townA,
      villageCode: null,
    });
    expect(
      (
        await world.call('POST', '/organisations', {
          token: town,
          body: { type: 'sorting_station', name: '拐河镇分拣站', regionCode: CODES.townB },
        })
      ).status,
    ).toBe(403);
    const renamed = await world.call<OrganisationView>('PATCH', `/organisations/${created.body.id}`, {
      token: town,
      body: { name: '独树镇分拣中心', active: false },
    });
    expect(renamed.body).toMatchObject({ name: '独树镇分拣中心', active: false });
    const events = await world.dataSource.query(
      'SELECT envelope FROM outbox WHERE message_key = $1 ORDER BY id',
      [created.body.id],
    );
    expect(organisationUpdatedV1.parseOrThrow(events[1].envelope).payload.changedFields).toEqual([
      'name',
      'active',
    ]);

    const list = await world.call<Paginated<OrganisationView>>(
      'GET',
      '/organisations?type=love_supermarket',
      { token: await world.token('village-a1') },
    );
    expect(list.body.items.map((o) => o.name)).toEqual(['砚山铺村爱心超市']);
  });

  it('creates villages and groups under existing parents, inside the scope', async () => {
    const town = await world.token('town-a');
    const village = await world.call<RegionView>('POST', '/regions', {
      token: town,
      body: { code: '411322104204', name: '新建村' },
    });
    expect(village).toMatchObject({
      status: 201,
      body: { level: 'village', parentCode: CODES.townA, path: ['方城县', '独树镇', '新建村'] },
    });
    expect(
      (await world.call('POST', '/regions', { token: town, body: { code: '411322105204', name: '外镇村' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await world.call('POST', '/regions', {
          token: await world.token('county'),
          body: { code: '411322106201', name: '孤儿村' },
        })
      ).body,
    ).toMatchObject({ code: 'REGION_PARENT_MISSING' });
    expect(
      (
        await world.call('POST', '/regions', {
          token: await world.token('county'),
          body: { code: '411323', name: '别的县' },
        })
      ).body,
    ).toMatchObject({ code: 'REGION_LEVEL_NOT_ALLOWED' });
    expect(
      (await world.call('POST', '/regions', { token: town, body: { code: '411322104204', name: '重复' } }))
        .body,
    ).toMatchObject({ code: 'REGION_EXISTS' });
    const children = await world.call<Paginated<RegionView>>('GET', `/regions?parentCode=${CODES.townA}`, {
      token: await world.token('buyer'),
    });
    expect(children.body.items.map((r) => r.name)).toEqual(['砚山铺村', '扳倒井村', '新建村']);
  });
});
