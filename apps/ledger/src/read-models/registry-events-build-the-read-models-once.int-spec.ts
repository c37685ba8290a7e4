/**
 * The ledger learns households and love supermarkets only from registry events: each opens a points
 * account; a redelivered event changes nothing; an older snapshot never overwrites a newer one.
 */
import { householdUpdatedV1, organisationCreatedV1, TOPICS } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { CODES, feed, householdEnvelope, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';

describe('read models from registry events', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await startLedgerWorld();
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('opens one points account per household, however often the event arrives', async () => {
    const id = randomUUID();
    const envelope = householdEnvelope(id, CODES.villageA1, '孙六', '411322104201-0099');
    await feed(w.dataSource, envelope, TOPICS.registryHouseholds);
    await feed(w.dataSource, envelope, TOPICS.registryHouseholds);
    const accounts = await w.dataSource.query(`SELECT kind, balance FROM account WHERE household_id = $1`, [
      id,
    ]);
    expect(accounts).toEqual([{ kind: 'household', balance: '0' }]);
  });

  it('keeps the newest snapshot when an older one arrives late', async () => {
    const id = randomUUID();
    const v1 = householdEnvelope(id, CODES.villageA1, '周七', 'N-1');
    const v2 = householdUpdatedV1.create({
      aggregateId: id,
      payload: { ...v1.payload, headName: '周七七', version: 2, changedFields: ['members'] },
    });
    await feed(w.dataSource, v2, TOPICS.registryHouseholds);
    await feed(w.dataSource, { ...v1, id: randomUUID() }, TOPICS.registryHouseholds);
    const [row] = await w.dataSource.query(`SELECT head_name, version FROM household_view WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ head_name: '周七七', version: 2 });
  });

  it('keeps love supermarkets (with a redemption account) and ignores other organisations', async () => {
    const store = await w.store(CODES.villageA1, '一村爱心超市');
    const coop = randomUUID();
    await feed(
      w.dataSource,
      organisationCreatedV1.create({
        aggregateId: coop,
        payload: {
          organisationId: coop,
          type: 'cooperative',
          name: '光荣合作社',
          regionCode: CODES.townA,
          countyCode: CODES.county,
          townCode: CODES.townA,
          villageCode: null,
          active: true,
        },
      }),
      TOPICS.registryOrganisations,
    );
    const stores = await w.dataSource.query(`SELECT id FROM store_view`);
    expect(stores).toEqual([{ id: store }]);
    expect(await w.dataSource.query(`SELECT kind FROM account WHERE store_id = $1`, [store])).toEqual([
      { kind: 'store_redemption' },
    ]);
  });
});
