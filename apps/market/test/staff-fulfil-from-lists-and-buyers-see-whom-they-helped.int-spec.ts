/**
 * The county supermarket works from a paged order list, a picking list (boxes per lot) and a
 * packing list per work unit; settlement runs are listed and the 消费扶贫台账 exports to CSV and
 * Excel with the same total; a buyer sees how many households in how many villages they helped.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import {
  NET,
  OTHER_VILLAGE,
  scopes,
  startMarket,
  stockedProduct,
  VILLAGE,
  type MarketHarness,
} from './market-harness';

describe('fulfilment lists, settlement list, ledger exports and a buyer’s impact', () => {
  let h: MarketHarness;
  let staff: string;
  let county: string;
  let buyerId: string;
  let buyer: string;
  let productId: string;
  let lotIds: string[];
  const orderIds: string[] = [];

  beforeAll(async () => {
    h = await startMarket();
    staff = await h.token('supermarket_staff', scopes.staff);
    county = await h.token('county_admin', scopes.county);
    buyerId = randomUUID();
    buyer = await h.token('buyer', scopes.buyer, buyerId);
    ({ productId, lotIds } = await stockedProduct(h, { boxes: [2, 3], retailPriceFen: 5_000 }));
    for (const quantity of [3, 1]) {
      const res = await h.call(
        'POST',
        '/checkout',
        buyer,
        { items: [{ productId, quantity }] },
        { 'idempotency-key': `k-${randomUUID()}` },
      );
      expect(res.status).toBe(201);
      orderIds.push((await res.json()).id);
    }
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('pages orders by status and refuses a bad filter', async () => {
    const page = await (await h.call('GET', '/fulfilment/orders?status=paid&pageSize=1', staff)).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].id).toBe(orderIds[1]); // newest first
    const second = await (
      await h.call('GET', '/fulfilment/orders?status=paid&pageSize=1&page=2', staff)
    ).json();
    expect(second.items[0].id).toBe(orderIds[0]);
    const none = await (await h.call('GET', '/fulfilment/orders?status=accepted', staff)).json();
    expect(none).toMatchObject({ total: 0, items: [] });
    expect((await h.call('GET', '/fulfilment/orders?status=shipped', staff)).status).toBe(400);
    expect((await h.call('GET', '/fulfilment/orders?pageSize=1000', staff)).status).toBe(400);
    expect((await h.call('GET', '/fulfilment/orders', buyer)).status).toBe(403);
  });

  it('lists the boxes to pick per lot, oldest lot first, adding up to the ordered boxes', async () => {
    const list = await (await h.call('GET', '/fulfilment/picking-list', staff)).json();
    expect(list).toMatchObject({ orderCount: 2, totalBoxes: 4 });
    expect(list.products).toHaveLength(1);
    const [product] = list.products;
    expect(product).toMatchObject({ productId, quantity: 4, category: '杂粮' });
    const traceCodes = await h.ds.query('SELECT id, trace_code FROM lot WHERE id = ANY($1::uuid[])', [
      lotIds,
    ]);
    const codeOf = (id: string) => traceCodes.find((l: { id: string }) => l.id === id).trace_code;
    expect(product.lots).toEqual([
      { traceCode: codeOf(lotIds[0]), quantity: 2 },
      { traceCode: codeOf(lotIds[1]), quantity: 2 },
    ]);
    expect((await h.call('GET', '/fulfilment/picking-list?status=shipped', staff)).status).toBe(400);
  });

  it('groups orders being picked into one packing list per work unit', async () => {
    const empty = await (await h.call('GET', '/fulfilment/packing-lists', staff)).json();
    expect(empty.workUnits).toEqual([]);
    for (const id of orderIds) expect((await h.call('POST', `/orders/${id}/pick`, staff)).status).toBe(200);
    const lists = await (await h.call('GET', '/fulfilment/packing-lists', staff)).json();
    expect(lists.workUnits).toHaveLength(1);
    expect(lists.workUnits[0]).toMatchObject({ workUnitId: NET.workUnit, totalBoxes: 4 });
    expect(lists.workUnits[0].orders.map((o: { orderId: string }) => o.orderId).sort()).toEqual(
      [...orderIds].sort(),
    );
    const picking = await (await h.call('GET', '/fulfilment/picking-list?status=paid', staff)).json();
    expect(picking).toMatchObject({ orderCount: 0, totalBoxes: 0, products: [] });
  });

  it('tells the buyer whom the purchases reached, and nobody else’s', async () => {
    const impact = await (await h.call('GET', '/me/impact', buyer)).json();
    const households = await h.ds.query(
      `SELECT DISTINCT h.id, h.village_code FROM lot_household lh JOIN network_household h ON h.id = lh.household_id
       WHERE lh.lot_id = ANY($1::uuid[])`,
      [lotIds],
    );
    expect(impact).toMatchObject({
      households: households.length,
      villages: new Set(households.map((x: { village_code: string }) => x.village_code)).size,
      orders: 2,
      spentFen: 20_000,
    });
    expect(impact.households).toBe(2);
    expect(
      impact.byVillage.reduce((s: number, v: { amountFen: number }) => s + v.amountFen, 0),
    ).toBeGreaterThanOrEqual(19_999);
    const stranger = await h.token('buyer', scopes.buyer, randomUUID());
    expect(await (await h.call('GET', '/me/impact', stranger)).json()).toMatchObject({
      households: 0,
      villages: 0,
      orders: 0,
      spentFen: 0,
      byVillage: [],
    });
    expect((await h.call('GET', '/me/impact', staff)).status).toBe(403);
  });

  it('filters the catalogue by origin village and stock, and counts categories and villages', async () => {
    const here = await (
      await h.call('GET', `/products?originVillageCode=${VILLAGE}&inStock=true`, buyer)
    ).json();
    expect(here.items.map((p: { id: string }) => p.id)).toContain(productId);
    const there = await (await h.call('GET', `/products?originVillageCode=${OTHER_VILLAGE}`, buyer)).json();
    expect(there).toMatchObject({ total: 0, items: [] });
    expect((await h.call('GET', '/products?originVillageCode=4113', buyer)).status).toBe(400);
    expect((await h.call('GET', '/products?inStock=yes', buyer)).status).toBe(400);
    const facets = await (await h.call('GET', '/product-facets', buyer)).json();
    expect(facets.categories).toContainEqual({ category: '杂粮', products: 1, available: 1 });
    expect(facets.villages).toEqual([{ villageCode: VILLAGE, products: 1, available: 1 }]);
  });

  it('lists settlement runs and exports the 消费扶贫台账 as CSV and Excel with the same total', async () => {
    for (const id of orderIds) {
      await h.call('POST', `/orders/${id}/ready`, staff);
      expect((await h.call('POST', `/orders/${id}/accept`, buyer)).status).toBe(200);
    }
    const run = await (
      await h.call('POST', '/settlements', county, undefined, { 'idempotency-key': `s-${randomUUID()}` })
    ).json();
    expect(run.totalFen).toBe(20_000);
    const list = await (await h.call('GET', '/settlements?pageSize=5', county)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: run.id, totalFen: 20_000, orderCount: 2, householdCount: 2 });
    expect((await h.call('GET', '/settlements', staff)).status).toBe(403);

    const year = new Date().getFullYear();
    const csvRes = await h.call(
      'GET',
      `/consumption-aid-ledger?groupBy=village&year=${year}&format=csv`,
      county,
    );
    expect(csvRes.headers.get('content-disposition')).toContain(`consumption-aid-village-${year}.csv`);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('代码 Code,村 Village')).toBe(true);
    expect(csv.trim().split('\r\n').pop()).toBe('合计 Total,,200.00,20000');
    const xlsx = await h.call('GET', '/consumption-aid-ledger?groupBy=household&format=xlsx', county);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(sheet.rowCount).getCell(4).value).toBe(20_000);
    const lastYear = await (
      await h.call('GET', `/consumption-aid-ledger?groupBy=village&year=${year - 1}`, county)
    ).json();
    expect(lastYear).toMatchObject({ totalFen: 0, rows: [] });
    expect((await h.call('GET', '/consumption-aid-ledger?format=pdf', county)).status).toBe(400);
  });
});
