/**
 * 三级三账: a posted dividend distribution is an entry of the fund-flow ledger like any other money
 * reaching households: one source (the distribution), its pool into the entity's income, one flow
 * per household and one per retained part. Written in the posting's transaction, exactly once (the
 * household flows are the posting's payouts, read through fund_flow_all); the public sees it with
 * names masked, staff see where a household's dividend came from.
 */
import type { FundSourceTrace, HouseholdOrigins, Paginated, PublicFundSource } from '@fupin/contracts';
import { CODES, dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';

describe('posted dividends in the fund-flow ledger', () => {
  let world: DividendsWorld;
  let id: string;
  const flows = () => world.count('fund_flow_all', 'source_id = $1', [id]);

  beforeAll(async () => {
    world = await startDividendsWorld();
    await world.call('POST', '/funds/sources', {
      who: 'county',
      body: {
        name: '2025 年光伏扶贫电站收益',
        kind: 'policy_subsidy',
        countyCode: CODES.county,
        amountFen: 5_000_000,
        reference: '方财〔2025〕3号',
      },
    });
    id = await coopDryRun(world);
    await noticeAndWait(world, id);
    await world.call('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'fund-ledger-approve',
      body: meeting(dateAfter(10)),
    });
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('has no entries before posting, and the whole pool in entries after it', async () => {
    expect(await flows()).toBe(0);
    const posted = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'fund-ledger-post',
    });
    expect(posted.status).toBe(200);
    const trace = await world.call<FundSourceTrace>('GET', `/funds/sources/${id}/flows`, { who: 'auditor' });
    expect(trace.status).toBe(200);
    expect(trace.body.source).toMatchObject({
      kind: 'dividend',
      amountFen: '1234567',
      countyCode: CODES.county,
    });
    const [root, ...children] = trace.body.flows;
    expect(root).toMatchObject({
      depth: 0,
      toType: 'account',
      toAccount: `entity:${world.orgs.coopA}:distributable_income`,
      amountFen: '1234567',
      allocatedOnFen: '1234567',
    });
    expect(children.map((f) => [f.toType, f.householdName ?? f.projectName, f.amountFen]).sort()).toEqual(
      [
        ['household', '张德明', expect.any(String)],
        ['household', '李秀英', expect.any(String)],
        ['household', '王建国', expect.any(String)],
        ['project', 'running_costs', '185185'],
        ['project', 'village_collective', '370370'],
      ].sort(),
    );
    const paid = children
      .filter((f) => f.toType === 'household')
      .reduce((s, f) => s + BigInt(f.amountFen), 0n);
    expect(paid).toBe(679_012n);
    // Each household's flow is its payout: same household, same amount.
    const payouts = (await world.dataSource.query(
      `SELECT id, household_id, amount_fen::text AS amount_fen FROM payout WHERE distribution_id = $1 ORDER BY id`,
      [id],
    )) as Array<{ id: string; household_id: string; amount_fen: string }>;
    expect(
      children
        .filter((f) => f.toType === 'household')
        .map((f) => ({ id: f.id, household_id: f.householdId, amount_fen: f.amountFen }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    ).toEqual(payouts);
    expect(await flows()).toBe(1 + 3 + 2);
  });

  it('writes the entries once: a second run for the same distribution adds nothing', async () => {
    const before = await flows();
    await world.dataSource.query('SELECT fund_flows_for_distribution($1)', [id]);
    await world.dataSource.query(`UPDATE distribution SET status = 'posted' WHERE id = $1`, [id]);
    expect(await flows()).toBe(before);
  });

  it('lists the distribution among the fund sources, staff and public, with what reached households', async () => {
    const staff = await world.call<Paginated<PublicFundSource>>('GET', '/funds/sources?pageSize=1', {
      who: 'county',
    });
    expect(staff.body.total).toBe(2);
    expect(staff.body.items).toEqual([
      expect.objectContaining({ id, kind: 'dividend', householdsFen: '679012', householdCount: 3 }),
    ]);
    const publicList = await world.call<Paginated<PublicFundSource>>(
      'GET',
      '/public/funds/sources?kind=dividend',
    );
    expect(publicList.body.items.map((s) => s.id)).toEqual([id]);
    expect((await world.call('GET', '/public/funds/sources?pageSize=999')).status).toBe(400);
    expect((await world.call('GET', '/funds/sources')).status).toBe(401);
    const masked = await world.call<FundSourceTrace>('GET', `/public/funds/sources/${id}/flows`);
    expect(
      masked.body.flows
        .filter((f) => f.toType === 'household')
        .map((f) => f.householdName)
        .sort(),
    ).toEqual(['张**', '李**', '王**']);
    expect(masked.text).not.toContain(world.households.a1);
  });

  it('counts a household once when its failed payout is reissued', async () => {
    const before = await flows();
    const [payout] = (await world.dataSource.query(
      `SELECT id, batch_id FROM payout WHERE distribution_id = $1 AND household_id = $2`,
      [id, world.households.a1],
    )) as Array<{ id: string; batch_id: string }>;
    const failed = await world.call('POST', `/payout-batches/${payout.batch_id}/confirmations`, {
      who: 'accountantA',
      key: 'fund-ledger-failed',
      body: { lines: [{ payoutId: payout.id, status: 'failed', reason: '账户已销户' }] },
    });
    expect(failed.status).toBe(200);
    const retried = await world.call('POST', `/payouts/${payout.id}/retry`, {
      who: 'accountantA',
      key: 'fund-ledger-retry',
      body: { reason: '已更正账户' },
    });
    expect(retried.status).toBe(201);
    const batch = await world.call('POST', `/distributions/${id}/payout-batches`, { who: 'county' });
    expect(batch.status).toBe(201);
    expect(await flows()).toBe(before);
  });

  it("shows where a household's dividend came from", async () => {
    const origins = await world.call<HouseholdOrigins>(
      'GET',
      `/funds/households/${world.households.a1}/origins`,
      {
        who: 'villageA1',
      },
    );
    expect(origins.body.payments).toEqual([
      expect.objectContaining({
        sourceId: id,
        sourceName: '砚山铺村光荣合作社 2025 年度分红',
        path: [
          expect.objectContaining({ toType: 'household' }),
          expect.objectContaining({ toAccount: `entity:${world.orgs.coopA}:distributable_income` }),
        ],
      }),
    ]);
  });
});
