import type { HouseholdDetail, HouseholdSummary, Paginated } from '@fupin/contracts';
import { CODES, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

describe('region scope: administrators see and change only households inside their region', () => {
  let world: RegistryWorld;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const numbersIn = (page: Paginated<HouseholdSummary>) => page.items.map((h) => h.householdNumber).sort();

  it("lets village A1's administrator read A1's households", async () => {
    const token = await world.token('village-a1');
    const list = await world.call<Paginated<HouseholdSummary>>('GET', '/households', { token });
    expect(list.status).toBe(200);
    expect(numbersIn(list.body)).toEqual(['A1-0001']);
    const one = await world.call<HouseholdDetail>('GET', `/households/${world.households.a1.id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body.members).toHaveLength(2);
  });

  it("refuses village A1's administrator village B1's households, to read or to change, and changes nothing", async () => {
    const token = await world.token('village-a1');
    const b1 = world.households.b1;
    const before = await world.count('household_history', 'household_id = $1', [b1.id]);
    const outboxBefore = await world.count('outbox');

    expect(await world.call('GET', `/households/${b1.id}`, { token })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await world.call('GET', `/households/${b1.id}/history`, { token })).status).toBe(403);
    expect(
      (await world.call('PATCH', `/households/${b1.id}`, { token, body: { phone: '13800000000' } })).status,
    ).toBe(403);
    expect(
      (
        await world.call('POST', `/households/${b1.id}/status`, {
          token,
          body: { povertyStatus: 'lifted', reason: '测试' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await world.call('POST', `/households/${b1.id}/classification`, {
          token,
          body: { subClass: 'assured', reason: '测试' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await world.call('PUT', `/households/${b1.id}/pin`, { token, body: { pin: '1111' } })).status,
    ).toBe(403);
    expect((await world.call('GET', `/households?regionCode=${CODES.villageB1}`, { token })).status).toBe(
      403,
    );
    const registerInB = await world.call('POST', '/households', {
      token,
      body: {
        householdNumber: 'B1-0099',
        villageCode: CODES.villageB1,
        povertyStatus: 'lifted',
        members: [{ name: '赵四', relation: 'head', birthYear: 1960, labourCapacity: 'full' }],
      },
    });
    expect(registerInB.status).toBe(403);

    const [row] = await world.dataSource.query(
      'SELECT phone, poverty_status, sub_class, version FROM households WHERE id = $1',
      [b1.id],
    );
    expect(row).toEqual({ phone: null, poverty_status: 'not_lifted', sub_class: 'lacking', version: 1 });
    expect(await world.count('household_history', 'household_id = $1', [b1.id])).toBe(before);
    expect(await world.count('households', "household_number = 'B1-0099'")).toBe(0);
    expect(await world.count('outbox')).toBe(outboxBefore);
  });

  it("keeps village A1's administrator out of the neighbouring village A2 of the same town", async () => {
    const token = await world.token('village-a1');
    expect((await world.call('GET', `/households/${world.households.a2.id}`, { token })).status).toBe(403);
  });

  it('shows a town administrator every village of the town and none of the other town', async () => {
    const token = await world.token('town-a');
    const list = await world.call<Paginated<HouseholdSummary>>('GET', '/households', { token });
    expect(numbersIn(list.body)).toEqual(['A1-0001', 'A2-0001']);
    expect(list.body.total).toBe(2);
    expect((await world.call('GET', `/households/${world.households.a2.id}`, { token })).status).toBe(200);
    expect((await world.call('GET', `/households/${world.households.b1.id}`, { token })).status).toBe(403);
    const filtered = await world.call<Paginated<HouseholdSummary>>(
      'GET',
      `/households?regionCode=${CODES.villageA2}`,
      { token },
    );
    expect(numbersIn(filtered.body)).toEqual(['A2-0001']);
    expect((await world.call('GET', `/households?regionCode=${CODES.townB}`, { token })).status).toBe(403);
  });

  it('lets a town administrator change a household of the town and records who did it', async () => {
    const token = await world.token('town-a');
    const res = await world.call<HouseholdDetail>('POST', `/households/${world.households.a2.id}/status`, {
      token,
      body: { povertyStatus: 'lifted', reason: '人均纯收入超过 4000 元' },
    });
    expect(res.status).toBe(200);
    expect(res.body.povertyStatus).toBe('lifted');
    const history = await world.call<Paginated<{ change: string; actorRole: string; actorName: string }>>(
      'GET',
      `/households/${world.households.a2.id}/history`,
      { token },
    );
    expect(history.body.items[0]).toMatchObject({
      change: 'status_changed',
      actorRole: 'town_admin',
      actorName: 'town-a',
    });
  });

  it('shows the county administrator and the auditor the whole county', async () => {
    for (const user of ['county', 'auditor']) {
      const list = await world.call<Paginated<HouseholdSummary>>('GET', '/households', {
        token: await world.token(user),
      });
      expect(list.body.total).toBe(3);
    }
  });

  it("limits a store keeper to the store's village and keeps buyers away from households", async () => {
    const keeper = await world.token('keeper-a1');
    const list = await world.call<Paginated<HouseholdSummary>>('GET', '/households', { token: keeper });
    expect(numbersIn(list.body)).toEqual(['A1-0001']);
    expect(
      (
        await world.call('PATCH', `/households/${world.households.a1.id}`, {
          token: keeper,
          body: { phone: '13800000000' },
        })
      ).status,
    ).toBe(403);
    const buyer = await world.token('buyer');
    expect(await world.call('GET', '/households', { token: buyer })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
  });

  it('filters by class, status and name inside the scope', async () => {
    const token = await world.token('county');
    const lacking = await world.call<Paginated<HouseholdSummary>>(
      'GET',
      '/households?subClass=lacking&labourClass=able',
      { token },
    );
    expect(lacking.body.total).toBeGreaterThanOrEqual(2);
    const byName = await world.call<Paginated<HouseholdSummary>>(
      'GET',
      `/households?q=${encodeURIComponent('建国')}&regionCode=${CODES.townA}`,
      { token },
    );
    expect(numbersIn(byName.body)).toEqual(['A1-0001', 'A2-0001']);
    const byCard = await world.call<Paginated<HouseholdSummary>>('GET', '/households?q=CARDB', { token });
    expect(numbersIn(byCard.body)).toEqual(['B1-0001']);
    const page = await world.call<Paginated<HouseholdSummary>>(
      'GET',
      '/households?pageSize=1&page=2&sort=householdNumber',
      { token },
    );
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(numbersIn(page.body)).toEqual(['A2-0001']);
  });
});
