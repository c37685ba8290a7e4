/**
 * The blacklist (红十条): proposed by the village, approved by the town; while it runs the household
 * earns no awards and, when the entry says so, cannot redeem. Award sheets import from xlsx and CSV,
 * and the village's month exports as CSV and Excel.
 */
import ExcelJS from 'exceljs';
import { grantPoints } from '../testing/grant-points';
import { CODES, newKey, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';

describe('blacklist, sheet import and reports', () => {
  let w: LedgerWorld;
  let village: string;
  let town: string;
  let h: string;
  let clean: string;
  let sheetId: string;

  beforeAll(async () => {
    w = await startLedgerWorld();
    village = await w.token('village_admin', { kind: 'region', code: CODES.villageA1 });
    town = await w.token('town_admin', { kind: 'region', code: CODES.townA });
    h = await w.household(CODES.villageA1, '钱八');
    clean = await w.household(CODES.villageA1, '吴九');
    await w.call('POST', '/rule-sets', {
      token: village,
      body: {
        villageCode: CODES.villageA1,
        effectiveFrom: '2026-01-01',
        items: [{ code: 'hygiene', name: '环境卫生', points: 10 }],
      },
    });
    sheetId = (
      await w.call<{ id: string }>('POST', '/award-sheets', {
        token: village,
        body: { villageCode: CODES.villageA1, period: '2026-05' },
      })
    ).body.id;
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('blocks awards and redemption once the town approves the entry', async () => {
    const proposed = await w.call<{ id: string; status: string }>('POST', '/blacklist', {
      token: village,
      body: {
        householdId: h,
        reason: '大操大办红白事',
        startsOn: '2026-01-01',
        endsOn: '2099-12-31',
        blocksRedemption: true,
      },
    });
    expect(proposed.body.status).toBe('proposed');
    expect((await w.call('POST', `/blacklist/${proposed.body.id}/approve`, { token: village })).status).toBe(
      403,
    );
    const approved = await w.call<{ status: string }>('POST', `/blacklist/${proposed.body.id}/approve`, {
      token: town,
    });
    expect(approved.body.status).toBe('active');
    const res = await w.call<{ code: string }>('PUT', `/award-sheets/${sheetId}/lines`, {
      token: village,
      body: { lines: [{ householdId: h, itemCode: 'hygiene' }] },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('HOUSEHOLD_BLACKLISTED');
    const store = await w.store(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 10);
    const keeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: store,
      orgType: 'love_supermarket',
      regionCode: CODES.villageA1,
    });
    const goods = await w.call<{ id: string }>('POST', `/stores/${store}/goods`, {
      token: keeper,
      body: { name: '毛巾', unit: '条', pricePoints: 1 },
    });
    await w.call('POST', `/stores/${store}/purchases`, {
      token: keeper,
      key: newKey(),
      body: { supplier: '供销社', lines: [{ goodsId: goods.body.id, quantity: 5, costFen: 500 }] },
    });
    const redeem = await w.call<{ code: string }>('POST', '/redemptions', {
      token: await w.kiosk(h, CODES.villageA1, store),
      key: newKey(),
      body: { lines: [{ goodsId: goods.body.id, quantity: 1 }] },
    });
    expect(redeem.body.code).toBe('REDEMPTION_BLOCKED');
  });

  it('imports the draft’s lines from an xlsx file and from CSV, refusing unknown household numbers', async () => {
    const [row] = await w.dataSource.query(`SELECT household_number FROM household_view WHERE id = $1`, [
      clean,
    ]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('积分');
    sheet.addRow(['户编号', '条目代码', '次数', '备注']);
    sheet.addRow([row.household_number, 'hygiene', 1, '院落整洁']);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await book.xlsx.writeBuffer())]), 'sheet.xlsx');
    const imported = await w.call<{ lines: Array<{ householdId: string; points: number; note: string }> }>(
      'POST',
      `/award-sheets/${sheetId}/import`,
      { token: village, rawBody: form },
    );
    expect(imported.status).toBe(200);
    expect(imported.body.lines).toEqual([
      expect.objectContaining({ householdId: clean, points: 10, note: '院落整洁' }),
    ]);
    const bad = new FormData();
    bad.append('file', new Blob(['户编号,条目代码\nNO-SUCH,hygiene\n']), 'sheet.csv');
    const refused = await w.call<{ code: string }>('POST', `/award-sheets/${sheetId}/import`, {
      token: village,
      rawBody: bad,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('AWARD_IMPORT_INVALID');
  });

  it('exports the village’s month as CSV and as Excel', async () => {
    const csv = await w.call<string>(
      'GET',
      `/reports/villages/${CODES.villageA1}/monthly?period=2026-05&format=csv`,
      { token: town },
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('户编号');
    const xlsx = await fetch(
      `${w.service.url}/reports/villages/${CODES.villageA1}/monthly?period=2026-05&format=xlsx`,
      {
        headers: { authorization: `Bearer ${town}` },
      },
    );
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0].rowCount).toBe(3);
    const outside = await w.call('GET', `/reports/villages/${CODES.villageB1}/monthly?period=2026-05`, {
      token: town,
    });
    expect(outside.status).toBe(403);
  });
});
