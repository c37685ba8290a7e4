/**
 * A dividend can pay millions of households from one account, so a source's trace cannot carry
 * them all: it lists every flow to an account or project, and under each account how many
 * households it paid and how much in all, with the largest few of them. The rest are paged (staff
 * with names, the public with names masked), and staff can download them all as CSV.
 */
import {
  FUND_TRACE_HOUSEHOLD_PREVIEW,
  type FundFlowNode,
  type FundSourceTrace,
  type Paginated,
} from '@fupin/contracts';
import { fenToYuanString, parseYuanToFen } from '@fupin/money';
import { CODES, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';

const HOUSEHOLDS = FUND_TRACE_HOUSEHOLD_PREVIEW + 5;

describe('a trace with more households than it lists', () => {
  let world: DividendsWorld;
  let sourceId: string;
  let village: string;
  /** Household id → amount paid, in fen. */
  const paid = new Map<string, number>();

  const allocate = async (parentFlowId: string, to: Record<string, unknown>, amountFen: number) => {
    const answer = await world.call<{ id: string }>('POST', '/funds/flows', {
      who: 'county',
      body: { parentFlowId, to, amountFen, purpose: '产业奖补' },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };

  beforeAll(async () => {
    world = await startDividendsWorld();
    const source = await world.call<{ sourceId: string; rootFlowId: string }>('POST', '/funds/sources', {
      who: 'county',
      body: {
        name: '2025 年产业发展奖补资金',
        kind: 'policy_subsidy',
        countyCode: CODES.county,
        amountFen: 10_000_000,
        reference: '方财〔2025〕9号',
      },
    });
    expect(source.status).toBe(201);
    sourceId = source.body.sourceId;
    const town = await allocate(
      source.body.rootFlowId,
      { type: 'account', regionCode: CODES.townA },
      5_000_000,
    );
    village = await allocate(town, { type: 'account', regionCode: CODES.villageA1 }, 2_000_000);
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const household = await world.registerHousehold({
        headName: `欧阳${'一二三四五六七八九十'[i % 10]}${i}`,
      });
      const amount = 10_000 + ((i * 7919) % HOUSEHOLDS) * 100; // all different, not in the order made
      await allocate(village, { type: 'household', householdId: household }, amount);
      paid.set(household, amount);
    }
  });
  afterAll(async () => {
    await world?.stop();
  });

  const largestFirst = () => [...paid.entries()].sort((a, b) => b[1] - a[1]);
  const total = () => [...paid.values()].reduce((s, v) => s + v, 0);

  it('lists the largest households under the account and says how many it paid in all', async () => {
    const trace = await world.call<FundSourceTrace>('GET', `/funds/sources/${sourceId}/flows`, {
      who: 'auditor',
    });
    expect(trace.status).toBe(200);
    expect(trace.body.householdGroups).toEqual([
      {
        parentId: village,
        households: HOUSEHOLDS,
        amountFen: String(total()),
        shown: FUND_TRACE_HOUSEHOLD_PREVIEW,
      },
    ]);
    const listed = trace.body.flows.filter((f) => f.toType === 'household');
    expect(listed.map((f) => [f.householdId, Number(f.amountFen)])).toEqual(
      largestFirst().slice(0, FUND_TRACE_HOUSEHOLD_PREVIEW),
    );
    expect(
      listed.every((f) => f.parentId === village && f.depth === 3 && f.householdName?.startsWith('欧阳')),
    ).toBe(true);
    // What the village passed on counts every household, listed or not.
    expect(trace.body.flows.find((f) => f.id === village)).toMatchObject({
      depth: 2,
      allocatedOnFen: String(total()),
    });
  });

  it('pages through every household of the account, largest first', async () => {
    const seen: Array<[string | null, number]> = [];
    for (let page = 1; ; page++) {
      const answer = await world.call<Paginated<FundFlowNode>>(
        'GET',
        `/funds/flows/${village}/households?page=${page}&pageSize=10`,
        { who: 'county' },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ total: HOUSEHOLDS, page, pageSize: 10 });
      if (!answer.body.items.length) break;
      seen.push(...answer.body.items.map((f) => [f.householdId, Number(f.amountFen)] as [string, number]));
    }
    expect(seen).toEqual(largestFirst());
  });

  it('shows the public the same pages with names masked and no household ids', async () => {
    const answer = await world.call<Paginated<FundFlowNode>>(
      'GET',
      `/public/funds/flows/${village}/households?pageSize=${HOUSEHOLDS}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(HOUSEHOLDS);
    expect(
      answer.body.items.every((f) => f.householdId === null && /^欧\*+$/.test(f.householdName ?? '')),
    ).toBe(true);
    for (const household of paid.keys()) expect(answer.text).not.toContain(household);
    expect(answer.body.items.map((f) => Number(f.amountFen))).toEqual(largestFirst().map(([, v]) => v));
  });

  it('gives staff every household as CSV, in yuan, with their names', async () => {
    const csv = await world.call('GET', `/funds/flows/${village}/households.csv`, { who: 'auditor' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('户号');
    expect(lines).toHaveLength(1 + HOUSEHOLDS);
    const yuan = lines.slice(1).map((l) => l.split(',')[3]);
    expect(yuan[0]).toBe(fenToYuanString(largestFirst()[0][1]));
    const fen = yuan.reduce((s, v) => s + parseYuanToFen(v), 0);
    expect(fen).toBe(total());
    expect(lines.slice(1).every((l) => l.split(',')[1].startsWith('欧阳'))).toBe(true);
  });

  it('refuses unknown flows, flows to households, bad pages and callers without a token', async () => {
    const household = (
      await world.call<FundSourceTrace>('GET', `/funds/sources/${sourceId}/flows`, { who: 'county' })
    ).body.flows.find((f) => f.toType === 'household')!;
    for (const path of [
      `/funds/flows/00000000-0000-4000-8000-000000000000/households`,
      `/funds/flows/${household.id}/households`,
      `/funds/flows/00000000-0000-4000-8000-000000000000/households.csv`,
      `/public/funds/flows/${household.id}/households`,
    ]) {
      const answer = await world.call('GET', path, {
        who: path.startsWith('/public') ? undefined : 'county',
      });
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'FUND_FLOW_NOT_FOUND']);
    }
    expect((await world.call('GET', `/funds/flows/not-a-uuid/households`, { who: 'county' })).status).toBe(
      400,
    );
    expect((await world.call('GET', `/public/funds/flows/${village}/households?pageSize=999`)).status).toBe(
      400,
    );
    expect((await world.call('GET', `/funds/flows/${village}/households`)).status).toBe(401);
    expect((await world.call('GET', `/funds/flows/${village}/households.csv`)).status).toBe(401);
  });
});
