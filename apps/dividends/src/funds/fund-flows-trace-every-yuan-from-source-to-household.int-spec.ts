/**
 * 一账一平台: a county receives livelihood-protection money, passes part to a town, the town to a
 * village, the village to a project and a household. One query shows where the source's money
 * went; one shows where a household's money came from. Over-spending, skipping levels, leaving the
 * region and acting outside one's scope are refused and change nothing.
 */
import { CODES, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';

interface Flow {
  id: string;
  depth: number;
  toType: string;
  toAccount: string;
  amountFen: string;
  allocatedOnFen: string;
  householdName?: string | null;
}

describe('the fund-flow ledger (三级三账)', () => {
  let world: DividendsWorld;
  let sourceId: string;
  let root: string;
  let town: string;
  let village: string;

  const allocate = (
    who: 'county' | 'villageA1' | 'villageB1',
    parentFlowId: string,
    to: Record<string, unknown>,
    amountFen: number,
  ) =>
    world.call<Flow & { code?: string }>('POST', '/funds/flows', {
      who,
      body: { parentFlowId, to, amountFen, purpose: '按计划拨付' },
    });

  beforeAll(async () => {
    world = await startDividendsWorld();
    const source = await world.call<{ sourceId: string; rootFlowId: string }>('POST', '/funds/sources', {
      who: 'county',
      body: {
        name: '2025 年中央财政衔接推进乡村振兴补助资金',
        kind: 'livelihood_protection',
        countyCode: CODES.county,
        amountFen: 100_000_000,
        reference: '豫财农〔2025〕12号',
      },
    });
    expect(source.status).toBe(201);
    ({ sourceId, rootFlowId: root } = source.body);
    town = (await allocate('county', root, { type: 'account', regionCode: CODES.townA }, 60_000_000)).body.id;
    village = (await allocate('county', town, { type: 'account', regionCode: CODES.villageA1 }, 40_000_000))
      .body.id;
    expect(
      (
        await allocate(
          'villageA1',
          village,
          { type: 'project', villageCode: CODES.villageA1, name: '砚山铺村饮水安全工程' },
          30_000_000,
        )
      ).status,
    ).toBe(201);
    expect(
      (await allocate('villageA1', village, { type: 'household', householdId: world.households.a3 }, 150_000))
        .status,
    ).toBe(201);
    expect(
      (await allocate('county', root, { type: 'household', householdId: world.households.a3 }, 80_000))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('shows where a source went, level by level, with what each flow passed on', async () => {
    const trace = await world.call<{ flows: Flow[] }>('GET', `/funds/sources/${sourceId}/flows`, {
      who: 'auditor',
    });
    expect(trace.status).toBe(200);
    const flows = trace.body.flows;
    expect(flows.map((f) => [f.depth, f.toType, f.amountFen])).toEqual([
      [0, 'account', '100000000'],
      [1, 'account', '60000000'],
      [1, 'household', '80000'],
      [2, 'account', '40000000'],
      [3, 'project', '30000000'],
      [3, 'household', '150000'],
    ]);
    expect(flows[0]).toMatchObject({
      toAccount: `fund:county:${CODES.county}:livelihood_protection`,
      allocatedOnFen: '60080000',
    });
    const publicTrace = await world.call<{ flows: Flow[] }>('GET', `/public/funds/sources/${sourceId}/flows`);
    expect(
      publicTrace.body.flows.filter((f) => f.toType === 'household').map((f) => f.householdName),
    ).toEqual(['张**', '张**']);
    expect(publicTrace.text).not.toContain(world.households.a3);
  });

  it("shows where a household's money came from, each payment back to its source", async () => {
    const origins = await world.call<{ payments: Array<{ amountFen: string; path: Flow[] }> }>(
      'GET',
      `/funds/households/${world.households.a3}/origins`,
      { who: 'villageA1' },
    );
    const paths = origins.body.payments
      .map((p) => p.path.map((f) => (f.toType === 'household' ? 'household' : f.toAccount.split(':')[1])))
      .sort((a, b) => a.length - b.length);
    expect(paths).toEqual([
      ['household', 'county'],
      ['household', 'village', 'town', 'county'],
    ]);
    const balances = await world.call<Array<{ regionCode: string; balanceFen: string }>>(
      'GET',
      '/funds/accounts',
      { who: 'county' },
    );
    expect(Object.fromEntries(balances.body.map((b) => [b.regionCode, b.balanceFen]))).toEqual({
      [CODES.county]: '39920000',
      [CODES.townA]: '20000000',
      [CODES.villageA1]: '9850000',
    });
  });

  it('refuses over-spending, skipping a level, leaving the region and acting out of scope; nothing changes', async () => {
    const before = await world.count('fund_flow');
    expect(
      (
        await allocate(
          'villageA1',
          village,
          { type: 'project', villageCode: CODES.villageA1, name: '超支' },
          10_000_001,
        )
      ).body,
    ).toMatchObject({ code: 'FUND_INSUFFICIENT' });
    expect(
      (await allocate('county', root, { type: 'account', regionCode: CODES.villageB1 }, 1)).body,
    ).toMatchObject({ code: 'FUND_WRONG_LEVEL' });
    expect(
      (await allocate('county', town, { type: 'household', householdId: world.households.b1 }, 1)).body,
    ).toMatchObject({ code: 'FUND_OUTSIDE_REGION' });
    expect(
      (await allocate('villageB1', village, { type: 'household', householdId: world.households.a1 }, 1))
        .status,
    ).toBe(403);
    expect((await allocate('villageA1', root, { type: 'account', regionCode: CODES.townA }, 1)).status).toBe(
      403,
    );
    expect(await world.count('fund_flow')).toBe(before);
  });
});
