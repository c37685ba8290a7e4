/**
 * Collectors buy from households (amount = weight × price, half-up to the fen), lots move up the
 * network with their losses, the public trace page names the villages and (masked) households,
 * and settlement pays accepted sales back to those households, summing to the fen.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import {
  feed,
  householdEvent,
  NET,
  scopes,
  startMarket,
  stockedProduct,
  VILLAGE,
  type MarketHarness,
} from './market-harness';

describe('produce is procured, traced and settled', () => {
  let h: MarketHarness;
  let collector: string;
  let staff: string;
  let county: string;

  beforeAll(async () => {
    h = await startMarket();
    collector = await h.token('collector', scopes.collector);
    staff = await h.token('supermarket_staff', scopes.staff);
    county = await h.token('county_admin', scopes.county);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const purchase = (token: string, overrides: Record<string, unknown> = {}) =>
    h.call('POST', '/purchases', token, {
      collectionPointId: NET.point,
      householdId: NET.households[0],
      produce: '花生',
      grade: 'premium',
      weightGrams: 12_345,
      unitPriceFenPerKg: 1_280,
      weighSlipNumber: `WS-${randomUUID()}`,
      ...overrides,
    });

  it('keeps the network and households from registry events, once each', async () => {
    const replay = householdEvent(NET.households[0], VILLAGE, '王建国', 1);
    expect(await feed(h.ds, replay)).toBe('applied');
    expect(await feed(h.ds, replay)).toBe('duplicate');
    const orgs = await (await h.call('GET', '/network/organisations', county)).json();
    expect(orgs.map((o: { type: string }) => o.type).sort()).toEqual([
      'collection_point',
      'collection_point',
      'county_supermarket',
      'sorting_station',
      'work_unit',
      'work_unit',
    ]);
  });

  it('records a purchase with its amount rounded half-up and a lot with a trace code, and refuses a reused weigh slip', async () => {
    const slip = `WS-${randomUUID()}`;
    const res = await purchase(collector, { weighSlipNumber: slip });
    expect(res.status).toBe(201);
    const p = await res.json();
    // 12.345 kg × 12.80 yuan = 158.016 yuan → 15802 fen
    expect(p).toMatchObject({ amountFen: 15_802, weightGrams: 12_345 });
    expect(p.traceCode).toMatch(/^FP\d{6}\d{6}[0-9A-F]{8}$/);
    const [event] = await h.ds.query(`SELECT envelope FROM outbox WHERE message_key = $1`, [p.lotId]);
    expect(event.envelope).toMatchObject({
      type: 'market.produce.procured',
      payload: { amountFen: 15_802, villageCode: VILLAGE },
    });

    const [{ count: before }] = await h.ds.query('SELECT count(*)::int AS count FROM lot');
    const again = await purchase(collector, { weighSlipNumber: slip });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('PROCUREMENT_WEIGH_SLIP_USED');
    expect((await purchase(collector, { householdId: NET.foreignHousehold })).status).toBe(422);
    expect((await purchase(collector, { weightGrams: 12.5 })).status).toBe(400);
    expect((await purchase(collector, { unitPriceFenPerKg: -1 })).status).toBe(400);
    const otherPoint = await h.token('collector', { ...scopes.collector, id: NET.otherPoint } as never);
    expect((await purchase(otherPoint)).status).toBe(403);
    const [{ count: after }] = await h.ds.query('SELECT count(*)::int AS count FROM lot');
    expect(after).toBe(before);
  });

  it('moves a lot up the network, recording losses only with a reason', async () => {
    const p = await (await purchase(collector)).json();
    const station = await h.token('collector', scopes.stationCollector);
    expect(
      (await h.call('POST', '/transfers', collector, { lotId: p.lotId, toOrganisationId: NET.supermarket }))
        .status,
    ).toBe(422);
    const t = await (
      await h.call('POST', '/transfers', collector, { lotId: p.lotId, toOrganisationId: NET.station })
    ).json();
    expect(t).toMatchObject({ status: 'sent', sentGrams: 12_345 });
    expect(
      (await h.call('POST', `/transfers/${t.id}/receive`, staff, { receivedGrams: 12_345 })).status,
    ).toBe(403);
    const noReason = await h.call('POST', `/transfers/${t.id}/receive`, station, { receivedGrams: 12_000 });
    expect(noReason.status).toBe(422);
    expect(
      (
        await h.call('POST', `/transfers/${t.id}/receive`, station, {
          receivedGrams: 13_000,
          lossReason: 'x',
        })
      ).status,
    ).toBe(422);
    const ok = await h.call('POST', `/transfers/${t.id}/receive`, station, {
      receivedGrams: 12_000,
      lossReason: '晾晒失水',
    });
    expect(await ok.json()).toMatchObject({ status: 'received', lossGrams: 345, lossReason: '晾晒失水' });
    const lot = await (await h.call('GET', `/lots/${p.lotId}`, staff)).json();
    expect(lot).toMatchObject({ locationId: NET.station, weightGrams: 12_000, status: 'at_location' });
  });

  it('merges and splits lots keeping every source lot and the households behind them', async () => {
    const a = await (
      await purchase(collector, { householdId: NET.households[0], weightGrams: 30_000, produce: '核桃' })
    ).json();
    const b = await (
      await purchase(collector, { householdId: NET.households[1], weightGrams: 10_001, produce: '核桃' })
    ).json();
    const other = await (
      await purchase(collector, { householdId: NET.households[2], produce: '核桃', grade: 'second' })
    ).json();
    const mixed = await h.call('POST', '/lots/merge', collector, { lotIds: [a.lotId, other.lotId] });
    expect(mixed.status).toBe(422);
    const merged = await (
      await h.call('POST', '/lots/merge', collector, { lotIds: [a.lotId, b.lotId] })
    ).json();
    expect(merged).toMatchObject({ weightGrams: 40_001, status: 'at_location' });
    expect([...merged.sourceLotIds].sort()).toEqual([a.lotId, b.lotId].sort());
    expect(merged.households.map((x: { weightGrams: number }) => x.weightGrams).sort()).toEqual([
      10_001, 30_000,
    ]);

    const bad = await h.call('POST', `/lots/${merged.id}/split`, collector, { partsGrams: [20_000, 20_000] });
    expect(bad.status).toBe(422);
    expect((await bad.json()).code).toBe('PROCUREMENT_PARTS_DO_NOT_ADD_UP');
    const parts = await (
      await h.call('POST', `/lots/${merged.id}/split`, collector, { partsGrams: [25_000, 15_001] })
    ).json();
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.sourceLotIds).toEqual([merged.id]);
      expect(part.households.reduce((s: number, x: { weightGrams: number }) => s + x.weightGrams, 0)).toBe(
        part.weightGrams,
      );
      expect(part.households).toHaveLength(2);
    }
    const source = await (await h.call('GET', `/lots/${merged.id}`, collector)).json();
    expect(source.status).toBe('split');
    expect(
      (await h.call('POST', `/lots/${merged.id}/split`, collector, { partsGrams: [1, 40_000] })).status,
    ).toBe(409);
    const trace = await (await fetch(`${h.service.url}/trace/${parts[0].traceCode}`)).json();
    expect(trace.lots[0].households.map((x: { headName: string }) => x.headName).sort()).toEqual([
      '李*英',
      '王*国',
    ]);
  });

  it('serves public trace data naming villages and masked households, with the price paid vs retail', async () => {
    const sku = `TRACE-${randomUUID().slice(0, 6)}`;
    await stockedProduct(h, { boxes: [2, 3], retailPriceFen: 9_900, sku });
    const res = await fetch(`${h.service.url}/trace/${sku}`);
    expect(res.status).toBe(200);
    const trace = await res.json();
    expect(trace.product).toMatchObject({ sku, retailPriceFen: 9_900 });
    expect(trace.lots).toHaveLength(2);
    expect(trace.lots[0].households[0]).toEqual({
      villageCode: VILLAGE,
      headName: '王*国',
      weightGrams: 50_000,
      paidFenPerKg: 640,
    });
    expect(JSON.stringify(trace)).not.toContain('王建国');
    const lotTrace = await (await fetch(`${h.service.url}/trace/${trace.lots[1].traceCode}`)).json();
    expect(lotTrace.lots[0].households[0].headName).toBe('李*英');
    expect((await fetch(`${h.service.url}/trace/NOPE-123`)).status).toBe(404);
    expect((await fetch(`${h.service.url}/trace/${encodeURIComponent('bad code!')}`)).status).toBe(400);
  });

  it('settles accepted sales to the households behind the lots, summing to the fen', async () => {
    // Three lots from three households; weights and prices chosen to leave remainders.
    const { productId } = await stockedProduct(h, { boxes: [7, 5, 3], retailPriceFen: 3_333 });
    const orders: Array<{ id: string; totalFen: number }> = [];
    for (const quantity of [4, 5, 3, 1]) {
      const token = await h.token('buyer', quantity === 1 ? scopes.otherBuyer : scopes.buyer);
      const order = await (
        await h.call(
          'POST',
          '/checkout',
          token,
          { items: [{ productId, quantity }] },
          { 'idempotency-key': `k-${randomUUID()}` },
        )
      ).json();
      await h.call('POST', `/orders/${order.id}/pick`, staff);
      await h.call('POST', `/orders/${order.id}/ready`, staff);
      if (quantity !== 3) {
        expect((await h.call('POST', `/orders/${order.id}/accept`, token)).status).toBe(200);
        orders.push(order);
      }
    }
    const [{ accepted }] = await h.ds.query(
      `SELECT SUM(total_fen)::int AS accepted FROM market_order WHERE status = 'accepted'`,
    );
    const expected = orders.reduce((s, o) => s + o.totalFen, 0);
    expect(accepted).toBe(expected);

    const run = await h.call('POST', '/settlements', county, undefined, {
      'idempotency-key': 'settle-2026-11',
    });
    expect(run.status).toBe(201);
    const settlement = await run.json();
    expect(settlement.totalFen).toBe(expected);
    expect(settlement.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)).toBe(
      expected,
    );
    expect(settlement.lines.map((l: { headNameMasked: string }) => l.headNameMasked).sort()).toEqual([
      '张*明',
      '李*英',
      '王*国',
    ]);
    const replay = await (
      await h.call('POST', '/settlements', county, undefined, { 'idempotency-key': 'settle-2026-11' })
    ).json();
    expect(replay.id).toBe(settlement.id);
    const next = await (
      await h.call('POST', '/settlements', county, undefined, { 'idempotency-key': 'settle-2026-12' })
    ).json();
    expect(next.totalFen).toBe(0);

    const csv = await (await h.call('GET', `/settlements/${settlement.id}/bank-file`, county)).text();
    expect(csv.trim().split('\r\n').pop()).toBe(`合计 Total,,,,${(expected / 100).toFixed(2)},${expected}`);
    const xlsx = await h.call('GET', `/settlements/${settlement.id}/bank-file?format=xlsx`, county);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const fenColumn = sheet.getColumn(6).values.slice(2, -1) as number[];
    expect(fenColumn.reduce((a, b) => a + b, 0)).toBe(expected);
    expect(sheet.getRow(sheet.rowCount).getCell(6).value).toBe(expected);

    for (const groupBy of ['work_unit', 'village', 'household']) {
      const ledger = await (await h.call('GET', `/consumption-aid-ledger?groupBy=${groupBy}`, county)).json();
      expect(ledger.totalFen).toBe(expected);
      expect(ledger.rows.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)).toBe(expected);
    }
    const byUnit = await (await h.call('GET', '/consumption-aid-ledger?groupBy=work_unit', county)).json();
    expect(byUnit.rows.map((r: { name: string }) => r.name).sort()).toEqual(['县教育局', '县财政局']);
    const [event] = await h.ds.query(`SELECT envelope FROM outbox WHERE message_key = $1`, [settlement.id]);
    expect(event.envelope.payload.totalFen).toBe(expected);
    expect((await h.call('GET', '/consumption-aid-ledger?groupBy=nope', county)).status).toBe(400);
  });

  it('refunds a problem after acceptance, card first, then back to the allowance', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [2], retailPriceFen: 40_000 });
    const order = await (
      await h.call(
        'POST',
        '/checkout',
        token,
        { items: [{ productId, quantity: 2 }], paymentMethod: 'pm_card_visa' },
        { 'idempotency-key': `k-${randomUUID()}` },
      )
    ).json();
    expect(order.cardFen).toBe(10_000);
    await h.call('POST', `/orders/${order.id}/pick`, staff);
    await h.call('POST', `/orders/${order.id}/ready`, staff);
    await h.call('POST', `/orders/${order.id}/accept`, token);
    const refund = (amountFen: number, key: string) =>
      h.call(
        'POST',
        `/orders/${order.id}/refunds`,
        staff,
        { amountFen, reason: '一箱破损' },
        { 'idempotency-key': key },
      );
    expect((await refund(90_000, 'refund-too-much')).status).toBe(422);
    const first = await refund(15_000, 'refund-box-1');
    expect(first.status).toBe(201);
    expect((await first.json()).refundedFen).toBe(15_000);
    expect((await refund(15_000, 'refund-box-1')).status).toBe(201);
    const [{ card, allowance }] = await h.ds.query(
      'SELECT SUM(card_fen)::int AS card, SUM(allowance_fen)::int AS allowance FROM order_refund WHERE order_id = $1',
      [order.id],
    );
    expect({ card, allowance }).toEqual({ card: 10_000, allowance: 5_000 });
    const wallet = await (await h.call('GET', '/allowance', token)).json();
    expect(wallet.balanceFen).toBe(5_000);
    const buyerRefund = await h.call(
      'POST',
      `/orders/${order.id}/refunds`,
      token,
      { amountFen: 1, reason: '想退' },
      { 'idempotency-key': 'refund-by-buyer' },
    );
    expect(buyerRefund.status).toBe(403);
  });
});
