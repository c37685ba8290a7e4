/**
 * A dividend's household flows are read from its payouts (fund_flow_all). Each payout carries the
 * village of its distribution line, copied when it is posted and when it is retried, so the view
 * no longer joins every payout to its line; migration 1763900005300 filled it in for payouts
 * posted before, and can be undone.
 */
import type { FundSourceTrace } from '@fupin/contracts';
import { PayoutsCarryTheirVillage1763900005300 } from '../migrations/1763900005300-payouts-carry-their-village';
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';

describe('payouts carry the village of their line', () => {
  let world: DividendsWorld;
  let id: string;

  const villagesOfPayouts = async () =>
    (await world.dataSource.query(
      `SELECT p.household_id, p.village_code AS payout_village, l.village_code AS line_village, f.region_code AS flow_region
       FROM payout p
       JOIN distribution_line l ON l.distribution_id = p.distribution_id AND l.household_id = p.household_id
       LEFT JOIN fund_flow_all f ON f.id = p.id
       WHERE p.distribution_id = $1 ORDER BY p.household_id, p.attempt`,
      [id],
    )) as Array<{
      household_id: string;
      payout_village: string | null;
      line_village: string;
      flow_region: string | null;
    }>;

  beforeAll(async () => {
    world = await startDividendsWorld();
    id = await coopDryRun(world);
    await noticeAndWait(world, id);
    expect(
      (
        await world.call('POST', `/distributions/${id}/approval`, {
          who: 'county',
          key: 'village-approve',
          body: meeting(dateAfter(10)),
        })
      ).status,
    ).toBe(200);
    expect(
      (await world.call('POST', `/distributions/${id}/posting`, { who: 'accountantA', key: 'village-post' }))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('copies the village when posting and when a failed payout is retried', async () => {
    // Lines record the village at the dry run; make one differ from the household's present one.
    await world.dataSource.query(`UPDATE household_rm SET village_code = '411322999999' WHERE id = $1`, [
      world.households.a1,
    ]);
    const [payout] = (await world.dataSource.query(
      `SELECT id, batch_id FROM payout WHERE distribution_id = $1 AND household_id = $2`,
      [id, world.households.a1],
    )) as Array<{ id: string; batch_id: string }>;
    expect(
      (
        await world.call('POST', `/payout-batches/${payout.batch_id}/confirmations`, {
          who: 'accountantA',
          key: 'village-failed',
          body: { lines: [{ payoutId: payout.id, status: 'failed', reason: '账户已销户' }] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await world.call('POST', `/payouts/${payout.id}/retry`, {
          who: 'accountantA',
          key: 'village-retry',
          body: { reason: '已更正账户' },
        })
      ).status,
    ).toBe(201);
    const rows = await villagesOfPayouts();
    expect(rows).toHaveLength(3 + 1);
    for (const r of rows) expect(r.payout_village).toBe(r.line_village);
    // The household flows (originals only) are in the line's village.
    expect(rows.filter((r) => r.flow_region !== null).map((r) => r.flow_region)).toEqual(
      rows.filter((r) => r.flow_region !== null).map((r) => r.line_village),
    );
    expect(rows.filter((r) => r.flow_region !== null)).toHaveLength(3);
  });

  it('is filled in for payouts posted before the migration, and the migration can be undone', async () => {
    const trace = async () =>
      (await world.call<FundSourceTrace>('GET', `/funds/sources/${id}/flows`, { who: 'auditor' })).body;
    const before = await trace();
    const migration = new PayoutsCarryTheirVillage1763900005300();
    const runner = world.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(
        await world.count(
          'information_schema.columns',
          `table_name = 'payout' AND column_name = 'village_code'`,
        ),
      ).toBe(0);
      expect(await trace()).toEqual(before);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    for (const r of await villagesOfPayouts()) expect(r.payout_village).toBe(r.line_village);
    expect(await trace()).toEqual(before);
  });
});
