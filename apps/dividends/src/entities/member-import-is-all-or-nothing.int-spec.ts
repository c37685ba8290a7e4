/** Members and shareholdings imported from a county office's sheet: every row or none, with a row report. */
import ExcelJS from 'exceljs';
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';

describe('importing members and shareholdings', () => {
  let world: DividendsWorld;
  const upload = (
    entityId: string,
    bytes: Buffer,
    name: string,
    who: 'accountantA' | 'accountantB' = 'accountantA',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return world.call<{ code?: string; details?: { rows: Array<{ row: number; errors: string[] }> } }>(
      'POST',
      `/entities/${entityId}/members/import`,
      {
        who,
        form,
      },
    );
  };
  const counts = async () => ({
    members: await world.count('entity_member'),
    holdings: await world.count('shareholding'),
    audit: await world.count('audit_log'),
  });

  beforeAll(async () => {
    world = await startDividendsWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('refuses a sheet with bad rows, naming each, and records nothing', async () => {
    const before = await counts();
    const csv = [
      '户编号,入社日期,股份类型,股数,起始日期,截止日期',
      'H-0001,2025-01-01,普通股,100,2025-01-01,',
      'H-9999,2025-01-01,普通股,100,2025-01-01,',
      'H-0002,2025-13-01,金股,-5,2025-01-01,2024-01-01',
    ].join('\r\n');
    const answer = await upload(world.orgs.coopA, Buffer.from(`\uFEFF${csv}`), 'members.csv');
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('ENTITY_IMPORT_REJECTED');
    expect(answer.body.details!.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(answer.body.details!.rows[1].errors.length).toBeGreaterThanOrEqual(3);
    expect(await counts()).toEqual(before);
  });

  it('records every row of a good CSV and of a good .xlsx', async () => {
    const csv = [
      '户编号,入社日期,股份类型,股数,起始日期,截止日期',
      'H-0001,2025-01-01,普通股,100,2025-01-01,',
      'H-0001,2025-01-01,优先股,20,2025-01-01,2025-06-30',
      'H-0002,2025-03-01,折股量化,50,2025-03-01,',
    ].join('\n');
    const first = await upload(world.orgs.coopA, Buffer.from(csv), 'members.csv');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ membersAdded: 2, shareholdingsAdded: 3 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('社员');
    sheet.addRow(['户编号', '入社日期', '股份类型', '股数', '起始日期', '截止日期']);
    sheet.addRow(['H-0003', new Date('2025-02-01T00:00:00Z'), '折股量化', 30, '2025-02-01', null]);
    const xlsx = await upload(
      world.orgs.coopA,
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'members.xlsx',
    );
    expect(xlsx.status).toBe(201);
    expect(xlsx.body).toEqual({ membersAdded: 1, shareholdingsAdded: 1 });
    const members = await world.call<Array<{ householdNumber: string; shareholdings: unknown[] }>>(
      'GET',
      `/entities/${world.orgs.coopA}/members`,
      { who: 'auditor' },
    );
    expect(members.body.map((m) => [m.householdNumber, m.shareholdings.length])).toEqual([
      ['H-0001', 2],
      ['H-0002', 1],
      ['H-0003', 1],
    ]);
  });

  it("refuses another cooperative's accountant", async () => {
    const before = await counts();
    const csv = '户编号,入社日期,股份类型,股数,起始日期\nH-0004,2025-01-01,普通股,1,2025-01-01';
    expect((await upload(world.orgs.coopA, Buffer.from(csv), 'm.csv', 'accountantB')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
