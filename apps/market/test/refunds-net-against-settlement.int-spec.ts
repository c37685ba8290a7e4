/**
 * A refund after acceptance comes back off the households the sale was attributed to: settled
 * before, the households are paid less; settled after, a household is held back until new sales
 * cover it. Every run sums to accepted sales minus refunds, to the fen.
 */
import { randomUUID } from 'node:crypto';
import { NET, scopes, startMarket, stockedProduct, type MarketHarness } from './market-harness';

describe('refunds net against settlement', () => {
  let h: MarketHarness;
  let staff: string;
  let county: string;
  let buyer: string;

  beforeAll(async () => {
    h = await startMarket();
    staff = await h.token('supermarket_staff', scopes.staff);
    county = await h.token('county_admin', scopes.county);
    buyer = await h.token('buyer', scopes.buyer, randomUUID());
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function acceptedOrder(
    productId: string,
    quantity: number,
  ): Promise<{ id: string; totalFen: number }> {
    const res = await h.call(
      'POST',
      '/checkout',
      buyer,
      { items: [{ productId, quantity }] },
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(res.status).toBe(201);
    const order = await res.json();
    await h.call('POST', `/orders/${order.id}/pick`, staff);
    await h.call('POST', `/orders/${order.id}/ready`, staff);
    expect((await h.call('POST', `/orders/${order.id}/accept`, buyer)).status).toBe(200);
    return order;
  }
  const refund = (orderId: string, amountFen: number) =>
    h.call(
      'POST',
      `/orders/${orderId}/refunds`,
      staff,
      { amountFen, reason: '破损退款' },
      { 'idempotency-key': `r-${randomUUID()}` },
    );
  const settle = async () => {
    const res = await h.call('POST', '/settlements', county, undefined, {
      'idempotency-key': `s-${randomUUID()}`,
    });
    expect(res.status).toBe(201);
    return res.json() as Promise<{
      id: string;
      totalFen: number;
      lines: Array<{ householdId: string; amountFen: number }>;
    }>;
  };
  const sum = (lines: Array<{ amountFen: number }>) => lines.reduce((s, l) => s + l.amountFen, 0);
  const lineOf = (lines: Array<{ householdId: string; amountFen: number }>, household: string) =>
    lines.find((l) => l.householdId === household)?.amountFen ?? 0;

  it('pays households the sale less a refund made before settlement, split by what each got', async () => {
    const { productId } = await stockedProduct(h, { boxes: [2, 3], retailPriceFen: 3_333 });
    const order = await acceptedOrder(productId, 3); // 2 boxes from household 0's lot, 1 from household 1's
    expect(order.totalFen).toBe(9_999);
    expect((await refund(order.id, 1_000)).status).toBe(201);
    const refunds = await h.ds.query(
      `SELECT household_id, amount_fen::int AS amount FROM sale_attribution WHERE order_id = $1 AND kind = 'refund'`,
      [order.id],
    );
    expect(refunds.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(-1_000);

    const run = await settle();
    expect(run.totalFen).toBe(8_999);
    expect(sum(run.lines)).toBe(8_999);
    // household 0 sold 2 of 3 boxes: 6666 of the sale and 667 of the refund
    expect(lineOf(run.lines, NET.households[0])).toBe(6_666 - 667);
    expect(lineOf(run.lines, NET.households[1])).toBe(3_333 - 333);
    const ledger = await (await h.call('GET', '/consumption-aid-ledger?groupBy=village', county)).json();
    expect(ledger.totalFen).toBe(8_999);
  });

  it('holds back a household refunded after settlement until new sales cover it', async () => {
    const first = await stockedProduct(h, { boxes: [1, 2], retailPriceFen: 3_333 });
    // one box from household 0's lot, one from household 1's
    const order = await acceptedOrder(first.productId, 2);
    const paid = await settle();
    expect(paid.totalFen).toBe(6_666);

    expect((await refund(order.id, 6_666)).status).toBe(201);
    const held = await settle();
    expect(held.totalFen).toBe(0);
    expect(held.lines).toEqual([]);
    const [{ unsettled }] = await h.ds.query(
      `SELECT SUM(amount_fen)::int AS unsettled FROM sale_attribution WHERE settlement_id IS NULL`,
    );
    expect(unsettled).toBe(-6_666);

    const next = await stockedProduct(h, { boxes: [3, 3], retailPriceFen: 3_333 });
    const more = await acceptedOrder(next.productId, 5); // 3 boxes household 0, 2 boxes household 1
    expect(more.totalFen).toBe(16_665);
    const netted = await settle();
    expect(netted.totalFen).toBe(16_665 - 6_666);
    expect(sum(netted.lines)).toBe(netted.totalFen);
    expect(lineOf(netted.lines, NET.households[0])).toBe(9_999 - 3_333);
    expect(lineOf(netted.lines, NET.households[1])).toBe(6_666 - 3_333);
    const csv = await (await h.call('GET', `/settlements/${netted.id}/bank-file`, county)).text();
    expect(csv.trim().split('\r\n').pop()).toBe('合计 Total,,,,99.99,9999');

    const [{ total }] = await h.ds.query(
      `SELECT SUM(total_fen - refunded_fen)::int AS total FROM market_order WHERE status = 'accepted'`,
    );
    const [{ settled }] = await h.ds.query('SELECT SUM(total_fen)::int AS settled FROM settlement');
    expect(settled).toBe(total);
  });

  it('refuses a refund larger than what is left and attributes nothing', async () => {
    const { productId } = await stockedProduct(h, { boxes: [1], retailPriceFen: 2_000 });
    const order = await acceptedOrder(productId, 1);
    expect((await refund(order.id, 2_001)).status).toBe(422);
    const rows = await h.ds.query(`SELECT 1 FROM sale_attribution WHERE order_id = $1 AND kind = 'refund'`, [
      order.id,
    ]);
    expect(rows).toEqual([]);
    await expect(
      h.ds.query(
        `INSERT INTO sale_attribution (order_id, lot_id, household_id, village_code, work_unit_id, amount_fen)
         SELECT order_id, lot_id, household_id, village_code, work_unit_id, -1 FROM sale_attribution WHERE order_id = $1`,
        [order.id],
      ),
    ).rejects.toThrow(/sale_attribution_sign_check/);
  });
});
