import { COOPERATIVE_DIVIDEND_PLAN, PV_DIFFERENTIATED_PLAN } from '@fupin/contracts';
import type { DataSource } from 'typeorm';
import type { DemoCaller } from './demo-http';

/** The demo's cooperative (光荣合作社, county level) and the PV station of 独树镇. */
export const DEMO_TOWN_CODE = '411322104';
const YEAR = 2020;

export interface DemoEntities {
  cooperative: DemoCaller;
  pv: DemoCaller;
}

export interface SeedDividendsResult {
  created: boolean;
  cooperative: { entityId: string; name: string; members: number; login: string };
  pvStation: { entityId: string; name: string; members: number; login: string; attendanceMonths: number };
  incomeDeclarations: number;
}

interface EntityRow {
  id: string;
  type: string;
  name: string;
}

interface HouseholdFacts {
  id: string;
  household_number: string;
  labour_class: string | null;
  poverty_status: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the dividends service has heard of the registry's organisations and households
 * (they arrive as events), then returns what it knows.
 */
export async function waitForReadModels(
  dataSource: DataSource,
  households: number,
  timeoutMs = 180_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await dataSource.query(
      `SELECT (SELECT count(*) FROM household_rm)::int AS households,
              (SELECT count(*) FROM organisation_rm WHERE type IN ('cooperative', 'pv_station'))::int AS entities`,
    )) as Array<{ households: number; entities: number }>;
    if (row.households >= households && row.entities >= 2) return;
    if (Date.now() > until)
      throw new Error(
        `the dividends read models are incomplete after ${timeoutMs / 1000}s: ${row.households} households, ${row.entities} entities`,
      );
    await sleep(1000);
  }
}

async function entityOf(caller: DemoCaller, type: string): Promise<EntityRow> {
  const entities = await caller.get<EntityRow[]>('/entities');
  const entity = entities.find((e) => e.type === type);
  if (!entity) throw new Error(`no ${type} visible to the demo user`);
  return entity;
}

/** Deterministic "random" days so every run seeds the same numbers. */
function daysWorked(index: number, month: number): number {
  return 14 + ((index * 7 + month * 3) % 13);
}

/**
 * Idempotently gives the demo's cooperative members with shareholdings, an income declaration and
 * its plan, and the town's PV station members, a year of public-welfare attendance, its plan and
 * a first half-year's income: the dividends pages open with something in them.
 */
export async function seedDividendsDemo(
  dataSource: DataSource,
  callers: DemoEntities,
): Promise<SeedDividendsResult> {
  const coop = await entityOf(callers.cooperative, 'cooperative');
  const pv = await entityOf(callers.pv, 'pv_station');
  let created = false;
  let declared = 0;

  // Each piece is checked on its own, so a run interrupted half-way is completed by the next one.
  const coopMembers = await callers.cooperative.get<unknown[]>(`/entities/${coop.id}/members`);
  let coopCount = coopMembers.length;
  if (coopCount === 0) {
    created = true;
    coopCount = await importCooperativeMembers(dataSource, callers.cooperative, coop.id);
  }
  if ((await callers.cooperative.get<unknown[]>(`/entities/${coop.id}/income-declarations`)).length === 0) {
    created = true;
    declared++;
    await callers.cooperative.post(`/entities/${coop.id}/income-declarations`, {
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      source: 'cooperative_profit',
      amountFen: 12_860_000,
      evidence: { description: '2020 年度合作社盈余（经理事会审议）', reference: '光荣社〔2021〕1 号' },
    });
  }
  if ((await callers.cooperative.get<unknown[]>(`/entities/${coop.id}/plans`)).length === 0) {
    created = true;
    await callers.cooperative.post(`/entities/${coop.id}/plans`, {
      name: '光荣合作社盈余分配方案',
      document: COOPERATIVE_DIVIDEND_PLAN,
    });
  }

  const pvMembers = await callers.pv.get<unknown[]>(`/entities/${pv.id}/members`);
  let pvCount = pvMembers.length;
  if (pvCount === 0) {
    created = true;
    pvCount = await addStationMembersWithAttendance(dataSource, callers.pv, pv.id);
  }
  if ((await callers.pv.get<unknown[]>(`/entities/${pv.id}/income-declarations`)).length === 0) {
    created = true;
    declared++;
    await callers.pv.post(`/entities/${pv.id}/income-declarations`, {
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-06-30`,
      source: 'pv_grid_settlement',
      amountFen: 9_648_000,
      evidence: {
        description: '国网上网电费结算单（2020 年上半年）',
        reference: '国网方城供电 2020-06-结-104',
      },
    });
  }
  if ((await callers.pv.get<unknown[]>(`/entities/${pv.id}/plans`)).length === 0) {
    created = true;
    await callers.pv.post(`/entities/${pv.id}/plans`, {
      name: '独树镇光伏收益差异化分配方案',
      document: PV_DIFFERENTIATED_PLAN,
    });
  }

  return {
    created,
    cooperative: { entityId: coop.id, name: coop.name, members: coopCount, login: 'guangrong-acct' },
    pvStation: {
      entityId: pv.id,
      name: pv.name,
      members: pvCount,
      login: 'dushu-admin',
      attendanceMonths: 12,
    },
    incomeDeclarations: declared,
  };
}

/** Every fifth household of the county joins; poor and monitored ones hold preferred shares (优先股). */
async function importCooperativeMembers(dataSource: DataSource, caller: DemoCaller, entityId: string) {
  const county = (await dataSource.query(
    `SELECT id, household_number, labour_class, poverty_status FROM household_rm
     WHERE county_code = $1 ORDER BY household_number`,
    [DEMO_TOWN_CODE.slice(0, 6)],
  )) as HouseholdFacts[];
  const joining = county.filter((_, i) => i % 5 === 0).slice(0, 40);
  const rows = joining.map((h, i) => {
    const poor = h.poverty_status === 'not_lifted' || h.poverty_status === 'monitored';
    const shares = poor ? 20 : 5 + (i % 4) * 5;
    return [
      h.household_number,
      `${YEAR - 1}-03-01`,
      poor ? '优先股' : '普通股',
      String(shares),
      `${YEAR - 1}-03-01`,
      '',
    ];
  });
  // One household also holds shares quantified from poverty funds (折股量化) from mid-year.
  if (joining[0])
    rows.push([joining[0].household_number, `${YEAR - 1}-03-01`, '折股量化', '10', `${YEAR}-07-01`, '']);
  const sheet = [['户编号', '入社日期', '股份类型', '股数', '起始日期', '截止日期'], ...rows]
    .map((r) => r.join(','))
    .join('\n');
  await caller.postFile(`/entities/${entityId}/members/import`, 'guangrong-members.csv', sheet);
  return joining.length;
}

/** Households of the town join the PV station; those able to work have a year of public-welfare days. */
async function addStationMembersWithAttendance(dataSource: DataSource, caller: DemoCaller, entityId: string) {
  const inTown = (await dataSource.query(
    `SELECT id, household_number, labour_class, poverty_status FROM household_rm
     WHERE town_code = $1 ORDER BY household_number`,
    [DEMO_TOWN_CODE],
  )) as HouseholdFacts[];
  const members = inTown.filter((h, i) => h.labour_class === 'none' || i % 3 === 0).slice(0, 45);
  for (const h of members)
    await caller.post(`/entities/${entityId}/members`, { householdId: h.id, joinedOn: `${YEAR}-01-01` });
  const workers = members.filter((h) => h.labour_class !== 'none');
  if (workers.length)
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      const last = new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
      await caller.post(`/entities/${entityId}/attendance`, {
        periodStart: `${YEAR}-${mm}-01`,
        periodEnd: `${YEAR}-${mm}-${last}`,
        records: workers.map((h, i) => ({ householdId: h.id, daysWorked: daysWorked(i, month) })),
      });
    }
  return members.length;
}
