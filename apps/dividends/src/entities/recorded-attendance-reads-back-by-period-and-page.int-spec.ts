/**
 * A PV station's public-welfare attendance (公益岗位出勤), once recorded, reads back for the month or
 * the year it was recorded in, by household number and a page at a time; another cooperative's
 * accountant reads none of it, and a malformed period is refused with a code.
 */
import type { AttendanceList } from '@fupin/contracts';
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';

describe('reading back recorded public-welfare attendance', () => {
  let world: DividendsWorld;
  let pv: string;
  const read = (query: string, who: 'pvAccountant' | 'accountantB' | 'auditor' = 'pvAccountant') =>
    world.call<AttendanceList & { code?: string; message?: string }>(
      'GET',
      `/entities/${pv}/attendance?${query}`,
      { who },
    );
  const record = async (periodStart: string, periodEnd: string, records: Array<[string, number]>) => {
    const answer = await world.call('POST', `/entities/${pv}/attendance`, {
      who: 'pvAccountant',
      body: {
        periodStart,
        periodEnd,
        records: records.map(([householdId, daysWorked]) => ({ householdId, daysWorked })),
      },
    });
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    world = await startDividendsWorld();
    pv = world.orgs.pvA1;
    const { a1, a2, a3 } = world.households;
    for (const householdId of [a1, a2, a3]) {
      const joined = await world.call('POST', `/entities/${pv}/members`, {
        who: 'pvAccountant',
        body: { householdId, joinedOn: '2025-01-01' },
      });
      expect(joined.status).toBe(201);
    }
    // Recorded out of household order; March is corrected by a second save.
    await record('2025-03-01', '2025-03-31', [
      [a3, 4],
      [a1, 20],
      [a2, 18],
    ]);
    await record('2025-03-01', '2025-03-31', [[a1, 22]]);
    await record('2025-04-01', '2025-04-30', [[a2, 15]]);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it("gives back the month's days by household number, with the head's name and the latest correction", async () => {
    const march = await read('periodStart=2025-03-01&periodEnd=2025-03-31');
    expect(march.status).toBe(200);
    expect(march.body.total).toBe(3);
    expect(march.body.items.map((r) => [r.householdNumber, r.headName, r.daysWorked])).toEqual([
      ['H-0001', '王建国', 22],
      ['H-0002', '李秀英', 18],
      ['H-0003', '张德明', 4],
    ]);
    expect(march.body.items[0]).toMatchObject({
      householdId: world.households.a1,
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
    });

    const may = await read('periodStart=2025-05-01&periodEnd=2025-05-31');
    expect(may.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('reads a whole year as every month recorded within it, a page at a time', async () => {
    const first = await read('periodStart=2025-01-01&periodEnd=2025-12-31&page=1&pageSize=2');
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.body.items.map((r) => [r.householdNumber, r.periodStart, r.daysWorked])).toEqual([
      ['H-0001', '2025-03-01', 22],
      ['H-0002', '2025-03-01', 18],
    ]);
    const second = await read('periodStart=2025-01-01&periodEnd=2025-12-31&page=2&pageSize=2');
    expect(second.body.items.map((r) => [r.householdNumber, r.periodStart, r.daysWorked])).toEqual([
      ['H-0002', '2025-04-01', 15],
      ['H-0003', '2025-03-01', 4],
    ]);
    const beyond = await read('periodStart=2025-01-01&periodEnd=2025-12-31&page=3&pageSize=2');
    expect(beyond.body).toMatchObject({ items: [], total: 4 });
  });

  it("refuses another cooperative's accountant, and lets the county's auditor read", async () => {
    const other = await read('periodStart=2025-03-01&periodEnd=2025-03-31', 'accountantB');
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const auditor = await read('periodStart=2025-03-01&periodEnd=2025-03-31', 'auditor');
    expect(auditor.status).toBe(200);
    expect(auditor.body.total).toBe(3);
  });

  it('refuses malformed periods and pages with 400 and a code, and an unknown entity with 404', async () => {
    for (const query of [
      'periodStart=2025-3-1&periodEnd=2025-03-31',
      'periodStart=2025-02-30&periodEnd=2025-03-31',
      'periodStart=2025-04-01&periodEnd=2025-03-31',
      'periodEnd=2025-03-31',
      'periodStart=2025-03-01&periodEnd=2025-03-31&pageSize=201',
      'periodStart=2025-03-01&periodEnd=2025-03-31&page=0',
    ]) {
      const answer = await read(query);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const unknown = await world.call<{ code: string }>(
      'GET',
      '/entities/00000000-0000-4000-8000-000000000000/attendance?periodStart=2025-03-01&periodEnd=2025-03-31',
      { who: 'county' },
    );
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'ENTITY_NOT_FOUND',
    });
    const badId = await world.call<{ code: string }>(
      'GET',
      '/entities/not-an-id/attendance?periodStart=2025-03-01&periodEnd=2025-03-31',
      { who: 'county' },
    );
    expect({ status: badId.status, code: badId.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });
});
