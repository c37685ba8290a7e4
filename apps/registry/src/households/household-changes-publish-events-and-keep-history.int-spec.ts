import {
  householdClassifiedV1,
  householdRegisteredV1,
  householdStatusChangedV1,
  householdUpdatedV1,
  type HouseholdDetail,
  type HouseholdHistoryEntry,
  type Paginated,
} from '@fupin/contracts';
import { CODES, householdBody, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

const ID_HEAD = '411322196803152016';
const ID_SPOUSE = '411322197008222024';
const ACCOUNT = '6230520012345678901';

describe('household changes: events in the outbox, history with who, sensitive numbers never in clear', () => {
  let world: RegistryWorld;
  let token: string;
  let household: HouseholdDetail;
  beforeAll(async () => {
    world = await startRegistryWorld();
    token = await world.token('village-a1');
  });
  afterAll(async () => {
    await world?.stop();
  });

  const eventsOf = async (id: string) =>
    (await world.dataSource.query(
      'SELECT event_type, topic, message_key, envelope FROM outbox WHERE message_key = $1 ORDER BY id',
      [id],
    )) as Array<{
      event_type: string;
      topic: string;
      message_key: string;
      envelope: unknown;
    }>;

  it('registers a household with masked ID numbers and bank account, publishing registry.household.registered', async () => {
    const res = await world.call<HouseholdDetail>('POST', '/households', {
      token,
      body: householdBody({
        householdNumber: 'EVT-0001',
        villageCode: CODES.villageA1,
        groupCode: CODES.groupA1,
        phone: '13837712345',
        pointsCardNumber: 'evtcard1',
        bankAccount: { bankName: '河南省农村信用社', accountNumber: ACCOUNT },
        members: [
          { name: '王建国', relation: 'head', idNumber: ID_HEAD, labourCapacity: 'full' },
          {
            name: '李秀英',
            relation: 'spouse',
            idNumber: ID_SPOUSE,
            labourCapacity: 'weak',
            disability: '肢体三级',
          },
        ],
      }),
    });
    expect(res.status).toBe(201);
    household = res.body;
    expect(household).toMatchObject({
      householdNumber: 'EVT-0001',
      headName: '王建国',
      pointsCardNumber: 'EVTCARD1',
      bankAccountMasked: '6230***********8901',
      labourClass: 'able',
      subClass: 'lacking',
      version: 1,
    });
    expect(household.members.map((m) => [m.idNumberMasked, m.birthYear])).toEqual([
      ['411322********2016', 1968],
      ['411322********2024', 1970],
    ]);

    const [event] = await eventsOf(household.id);
    expect(event).toMatchObject({
      event_type: 'registry.household.registered',
      topic: 'registry.households.v1',
      message_key: household.id,
    });
    const parsed = householdRegisteredV1.parseOrThrow(event.envelope);
    expect(parsed.payload).toMatchObject({
      householdId: household.id,
      headName: '王建国',
      memberCount: 2,
      labour: { full: 1, weak: 1, none: 0 },
      disabledMemberCount: 1,
    });
  });

  it('never stores or publishes an ID number or bank account in clear', async () => {
    const dump = JSON.stringify([
      await world.dataSource.query('SELECT * FROM households WHERE id = $1', [household.id]),
      await world.dataSource.query('SELECT * FROM household_members WHERE household_id = $1', [household.id]),
      await world.dataSource.query('SELECT * FROM household_history WHERE household_id = $1', [household.id]),
      await world.dataSource.query('SELECT * FROM outbox'),
      await world.dataSource.query('SELECT * FROM audit_log'),
    ]);
    for (const secret of [ID_HEAD, ID_SPOUSE, ACCOUNT, ID_HEAD.slice(6, 14)])
      expect(dump).not.toContain(secret);
    const [row] = await world.dataSource.query(
      'SELECT bank_account_encrypted FROM households WHERE id = $1',
      [household.id],
    );
    expect(row.bank_account_encrypted).toMatch(/^v1\./);
  });

  it('refuses to register the same person in a second household', async () => {
    const res = await world.call('POST', '/households', {
      token,
      body: householdBody({
        householdNumber: 'EVT-0002',
        villageCode: CODES.villageA1,
        members: [{ name: '王建国', relation: 'head', idNumber: ID_HEAD, labourCapacity: 'full' }],
      }),
    });
    expect(res).toMatchObject({
      status: 409,
      body: { code: 'ID_NUMBER_REGISTERED', details: { householdNumber: 'EVT-0001' } },
    });
  });

  it('publishes updated, classified and statusChanged events in order, each with a higher version', async () => {
    const update = await world.call<HouseholdDetail>('PATCH', `/households/${household.id}`, {
      token,
      body: {
        expectedVersion: 1,
        phone: null,
        members: [
          { name: '王建国', relation: 'head', idNumber: ID_HEAD, labourCapacity: 'full' },
          {
            name: '李秀英',
            relation: 'spouse',
            idNumber: ID_SPOUSE,
            labourCapacity: 'weak',
            disability: '肢体三级',
          },
          { name: '王小明', relation: 'child', birthYear: 2012, labourCapacity: 'none' },
        ],
      },
    });
    expect(update).toMatchObject({ status: 200, body: { version: 2, phone: null } });
    expect(update.body.members).toHaveLength(3);
    const classify = await world.call<HouseholdDetail>('POST', `/households/${household.id}/classification`, {
      token,
      body: { subClass: 'assured', reason: '五项标准均已达到', expectedVersion: 2 },
    });
    expect(classify).toMatchObject({
      status: 200,
      body: { version: 3, labourClass: 'able', subClass: 'assured' },
    });
    const status = await world.call<HouseholdDetail>('POST', `/households/${household.id}/status`, {
      token,
      body: { povertyStatus: 'lifted', reason: '验收通过' },
    });
    expect(status).toMatchObject({ status: 200, body: { version: 4, povertyStatus: 'lifted' } });
    const same = await world.call<HouseholdDetail>('POST', `/households/${household.id}/status`, {
      token,
      body: { povertyStatus: 'lifted', reason: '重复提交' },
    });
    expect(same.body.version).toBe(4);

    const events = await eventsOf(household.id);
    expect(events.map((e) => e.event_type)).toEqual([
      'registry.household.registered',
      'registry.household.updated',
      'registry.household.classified',
      'registry.household.statusChanged',
    ]);
    expect(householdUpdatedV1.parseOrThrow(events[1].envelope).payload).toMatchObject({
      changedFields: ['phone', 'members'],
      memberCount: 3,
      version: 2,
    });
    expect(householdClassifiedV1.parseOrThrow(events[2].envelope).payload).toMatchObject({
      previousLabourClass: 'able',
      previousSubClass: 'lacking',
      subClass: 'assured',
      reason: '五项标准均已达到',
      villageCode: CODES.villageA1,
      version: 3,
    });
    expect(householdStatusChangedV1.parseOrThrow(events[3].envelope).payload).toMatchObject({
      previousStatus: 'not_lifted',
      povertyStatus: 'lifted',
      version: 4,
    });
  });

  it('keeps the history of every change with who made it, newest first', async () => {
    const res = await world.call<Paginated<HouseholdHistoryEntry>>(
      'GET',
      `/households/${household.id}/history`,
      { token: await world.token('county') },
    );
    expect(res.body.items.map((h) => h.change)).toEqual([
      'status_changed',
      'classified',
      'updated',
      'registered',
    ]);
    expect(res.body.items[0]).toMatchObject({
      actorRole: 'village_admin',
      actorName: 'village-a1',
      reason: '验收通过',
      changes: { povertyStatus: { from: 'not_lifted', to: 'lifted' } },
    });
    expect(res.body.items[2].changes.members).toEqual({
      from: ['王建国', '李秀英'],
      to: ['王建国', '李秀英', '王小明'],
    });
  });

  it('keeps a member’s ID number on record when an edit names the member and types no new number', async () => {
    const loaded = await world.call<HouseholdDetail>('GET', `/households/${household.id}`, { token });
    const [head, spouse, child] = loaded.body.members;
    const hashesBefore = await world.dataSource.query(
      'SELECT id, id_number_hash FROM household_members WHERE household_id = $1 ORDER BY position',
      [household.id],
    );
    const edit = (members: unknown[], expectedVersion = loaded.body.version) =>
      world.call<HouseholdDetail>('PATCH', `/households/${household.id}`, {
        token,
        body: { expectedVersion, members },
      });
    const keep = (m: typeof head, extra: Record<string, unknown> = {}) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      birthYear: m.birthYear,
      labourCapacity: m.labourCapacity,
      disability: m.disability,
      ...extra,
    });

    const stranger = await edit([keep(head), keep(spouse, { id: '00000000-0000-4000-8000-000000000000' })]);
    expect(stranger).toMatchObject({ status: 422, body: { code: 'HOUSEHOLD_MEMBER_UNKNOWN' } });
    const twice = await edit([keep(head), keep(spouse, { id: head.id })]);
    expect(twice.status).toBe(422);

    const res = await edit([keep(head), keep(spouse, { labourCapacity: 'none' }), keep(child)]);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m) => [m.id, m.idNumberMasked])).toEqual([
      [head.id, head.idNumberMasked],
      [spouse.id, spouse.idNumberMasked],
      [child.id, null],
    ]);
    expect(head.idNumberMasked).not.toBeNull();
    const hashesAfter = await world.dataSource.query(
      'SELECT id, id_number_hash FROM household_members WHERE household_id = $1 ORDER BY position',
      [household.id],
    );
    expect(hashesAfter).toEqual(hashesBefore);
    // the kept number still counts: nobody else can register it
    const again = await world.call('POST', '/households', {
      token,
      body: householdBody({
        householdNumber: 'EVT-0099',
        villageCode: CODES.villageA1,
        members: [{ name: '王建国', relation: 'head', idNumber: ID_HEAD, labourCapacity: 'full' }],
      }),
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ID_NUMBER_REGISTERED' } });
    // nothing else changed, so naming every member as it is changes nothing
    const unchanged = await edit(
      res.body.members.map((m) => keep(m)),
      res.body.version,
    );
    expect(unchanged.body.version).toBe(res.body.version);
  });

  it('lets only the county administrator see the full bank account, and audits it', async () => {
    expect((await world.call('GET', `/households/${household.id}/bank-account`, { token })).status).toBe(403);
    const res = await world.call('GET', `/households/${household.id}/bank-account`, {
      token: await world.token('county'),
    });
    expect(res).toMatchObject({
      status: 200,
      body: { accountNumber: ACCOUNT, bankName: '河南省农村信用社' },
    });
    expect(
      await world.count('audit_log', "action = 'household.bank_account_revealed' AND target_id = $1", [
        household.id,
      ]),
    ).toBe(1);
  });
});
