/**
 * A civil servant buys produce: the allowance pays first, a card (through the real dev-stripe
 * server and the official SDK) pays the rest; the order flows to acceptance. A declined card, a
 * replayed checkout or webhook, and a rush on the last boxes change nothing they should not.
 */
import { createHmac, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { OrdersService } from '../src/orders/orders.service';
import {
  NET,
  restartStripe,
  scopes,
  snapshot,
  startMarket,
  stockedProduct,
  WEBHOOK_SECRET,
  type MarketHarness,
} from './market-harness';

describe('buyers check out with allowance and card', () => {
  let h: MarketHarness;
  let buyer: string;
  const buyerId = randomUUID();
  let staff: string;

  beforeAll(async () => {
    h = await startMarket();
    buyer = await h.token('buyer', scopes.buyer, buyerId);
    staff = await h.token('supermarket_staff', scopes.staff);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const checkout = (token: string, body: unknown, key = `ck-${randomUUID()}`) =>
    h.call('POST', '/checkout', token, body, { 'idempotency-key': key });

  it('pays 700 yuan from the allowance and the rest by card, and the order flows to acceptance', async () => {
    const { productId } = await stockedProduct(h, { boxes: [3, 2], retailPriceFen: 25_800 });
    const res = await checkout(buyer, { items: [{ productId, quantity: 4 }], paymentMethod: 'pm_card_visa' });
    expect(res.status).toBe(201);
    const order = await res.json();
    expect(order).toMatchObject({ status: 'paid', totalFen: 103_200, allowanceFen: 70_000, cardFen: 33_200 });
    // FIFO by lot: the first lot's 3 boxes, then 1 of the second.
    expect(order.lines[0].lots.map((l: { quantity: number }) => l.quantity).sort()).toEqual([1, 3]);
    expect(await snapshot(h.ds, productId, buyerId)).toEqual({ available: 1, stock: 1, allowance: 0 });

    const [intent] = await h.ds.query('SELECT payment_intent_id FROM market_order WHERE id = $1', [order.id]);
    expect(intent.payment_intent_id).toMatch(/^pi_/);
    const allowance = await (await h.call('GET', '/allowance', buyer)).json();
    expect(allowance).toMatchObject({ grantedFen: 70_000, balanceFen: 0 });
    expect(allowance.entries.map((e: { kind: string }) => e.kind)).toEqual(['grant', 'spend']);

    expect((await h.call('POST', `/orders/${order.id}/accept`, buyer)).status).toBe(409);
    expect((await h.call('POST', `/orders/${order.id}/pick`, staff)).status).toBe(200);
    expect((await h.call('POST', `/orders/${order.id}/ready`, staff)).status).toBe(200);
    const accepted = await h.call('POST', `/orders/${order.id}/accept`, buyer);
    expect(accepted.status).toBe(200);
    const done = await accepted.json();
    expect(done.status).toBe('accepted');
    // Every step keeps its time, in order, for the buyer's timeline.
    const steps = [done.createdAt, done.paidAt, done.pickingAt, done.readyAt, done.acceptedAt];
    expect(steps.every((t: string | null) => typeof t === 'string')).toBe(true);
    expect([...steps].sort()).toEqual(steps);
    expect(done.cancelledAt).toBeNull();
    const listed = (await (await h.call('GET', '/orders', buyer)).json()) as Array<{ id: string }>;
    expect(listed.find((o) => o.id === order.id)).toEqual(done);

    const events = await h.ds.query(`SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY id`, [
      order.id,
    ]);
    expect(events.map((e: { event_type: string }) => e.event_type)).toEqual([
      'market.order.paid',
      'market.order.accepted',
    ]);
    const [{ sum }] = await h.ds.query(
      'SELECT SUM(amount_fen)::int AS sum FROM sale_attribution WHERE order_id = $1',
      [order.id],
    );
    expect(sum).toBe(103_200);
  });

  it('leaves stock and allowance untouched when the card is declined', async () => {
    const other = randomUUID();
    const token = await h.token('buyer', scopes.buyer, other);
    const { productId } = await stockedProduct(h, { boxes: [5], retailPriceFen: 80_000 });
    const before = await snapshot(h.ds, productId, other);
    const res = await checkout(token, {
      items: [{ productId, quantity: 2 }],
      paymentMethod: 'pm_card_chargeDeclined',
    });
    expect(res.status).toBe(402);
    const body = await res.json();
    expect(body.code).toBe('ORDER_CARD_DECLINED');
    const after = await snapshot(h.ds, productId, other);
    expect(after.available).toBe(before.available);
    expect(after.stock).toBe(5);
    expect(after.allowance).toBe(70_000);
    const orders = await (await h.call('GET', '/orders', token)).json();
    expect(orders.map((o: { status: string }) => o.status)).toEqual(['payment_failed']);

    const insufficient = await checkout(token, {
      items: [{ productId, quantity: 1 }],
      paymentMethod: 'pm_card_insufficientFunds',
    });
    expect(insufficient.status).toBe(402);
    expect(await snapshot(h.ds, productId, other)).toEqual({ available: 5, stock: 5, allowance: 70_000 });
  });

  it('answers a replayed checkout with the same order and a replayed webhook with nothing new', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [4], retailPriceFen: 50_000 });
    const body = { items: [{ productId, quantity: 2 }], paymentMethod: 'pm_card_visa' };
    const first = await (await checkout(token, body, 'replay-key-1')).json();
    const again = await checkout(token, body, 'replay-key-1');
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(first.id);
    expect(
      (await checkout(token, { ...body, items: [{ productId, quantity: 1 }] }, 'replay-key-1')).status,
    ).toBe(422);
    expect(await snapshot(h.ds, productId, who)).toEqual({ available: 2, stock: 2, allowance: 0 });

    await h.stripe.idle();
    const succeeded = h.stripe
      .events()
      .find(
        (e) =>
          e.type === 'payment_intent.succeeded' &&
          (e as unknown as { data: { object: { metadata: { orderId: string } } } }).data.object.metadata
            .orderId === first.id,
      );
    expect(succeeded).toBeDefined();
    const [{ count: outboxBefore }] = await h.ds.query('SELECT count(*)::int AS count FROM outbox');
    const payload = JSON.stringify(succeeded);
    const t = Math.floor(Date.now() / 1000);
    const sign = (secret: string) =>
      `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`;
    const post = (signature: string) =>
      fetch(`${h.service.url}/payments/stripe/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      });
    const replay = await post(sign(WEBHOOK_SECRET));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    const forged = await post(sign('whsec_forged'));
    expect(forged.status).toBe(400);
    const [{ count: outboxAfter }] = await h.ds.query('SELECT count(*)::int AS count FROM outbox');
    expect(outboxAfter).toBe(outboxBefore);
    const delivered = h.stripe.deliveries().filter((d) => d.eventId === succeeded!.id);
    expect(delivered.some((d) => d.status === 200)).toBe(true);
  });

  it('replays a checkout whose product has since sold out, and refuses new attempts with 409', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [1], retailPriceFen: 10_000 });
    const body = { items: [{ productId, quantity: 1 }], paymentMethod: 'pm_card_visa' };
    const first = await checkout(token, body, 'sold-out-replay-1');
    expect(first.status).toBe(201);
    const order = await first.json();
    const again = await checkout(token, body, 'sold-out-replay-1');
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(order.id);
    expect(
      (await checkout(token, { ...body, items: [{ productId, quantity: 2 }] }, 'sold-out-replay-1')).status,
    ).toBe(422);
    const refused = await checkout(token, body);
    expect(refused.status).toBe(409);
    expect((await refused.json()).code).toBe('ORDER_OUT_OF_STOCK');
    expect(await snapshot(h.ds, productId, who)).toEqual({ available: 0, stock: 0, allowance: 60_000 });
  });

  it('answers 503 BUSY, not 500, when no database connection comes free in time', async () => {
    const { productId } = await stockedProduct(h, { boxes: [3], retailPriceFen: 10_000 });
    const spy = jest
      .spyOn(h.ds, 'query')
      .mockRejectedValueOnce(new Error('timeout exceeded when trying to connect'));
    try {
      const res = await checkout(buyer, {
        items: [{ productId, quantity: 1 }],
        paymentMethod: 'pm_card_visa',
      });
      expect(res.status).toBe(503);
      expect((await res.json()).code).toBe('BUSY');
    } finally {
      spy.mockRestore();
    }
    const [p] = await h.ds.query('SELECT available FROM product WHERE id = $1', [productId]);
    expect(p.available).toBe(3);
  });

  it('never oversells: 200 buyers rush 100 boxes at once', async () => {
    const { productId } = await stockedProduct(h, { boxes: [40, 35, 25], retailPriceFen: 72_000 });
    const buyers = await Promise.all(Array.from({ length: 200 }, () => h.token('buyer', scopes.buyer)));
    const results = await Promise.all(
      buyers.map((token) =>
        checkout(token, { items: [{ productId, quantity: 1 }], paymentMethod: 'pm_card_visa' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    const [p] = await h.ds.query('SELECT available FROM product WHERE id = $1', [productId]);
    expect(p.available).toBe(0);
    const [{ sold }] = await h.ds.query(
      `SELECT COALESCE(SUM(ol.quantity), 0)::int AS sold FROM order_line ol JOIN market_order o ON o.id = ol.order_id
       WHERE ol.product_id = $1 AND o.status = 'paid'`,
      [productId],
    );
    expect(sold).toBe(100);
    const [{ negative }] = await h.ds.query('SELECT count(*)::int AS negative FROM stock WHERE quantity < 0');
    expect(negative).toBe(0);
  });

  it('cancels before picking: the card part is refunded, the allowance returned, the boxes restocked', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [3], retailPriceFen: 40_000 });
    const order = await (
      await checkout(token, { items: [{ productId, quantity: 2 }], paymentMethod: 'pm_card_visa' })
    ).json();
    expect(order).toMatchObject({ status: 'paid', allowanceFen: 70_000, cardFen: 10_000 });
    const cancelled = await h.call('POST', `/orders/${order.id}/cancel`, token, { reason: '买错了' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', refundedFen: 80_000 });
    expect(await snapshot(h.ds, productId, who)).toEqual({ available: 3, stock: 3, allowance: 70_000 });
    const [refund] = await h.ds.query('SELECT stripe_refund_id FROM order_refund WHERE order_id = $1', [
      order.id,
    ]);
    expect(refund.stripe_refund_id).toMatch(/^re_/);
    expect((await h.call('POST', `/orders/${order.id}/cancel`, token, {})).status).toBe(409);
  });

  it('keeps the reservation while Stripe is unreachable, and a signed webhook settles it afterwards', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [2], retailPriceFen: 71_000 });
    const port = h.stripe.port;
    await h.stripe.stop();
    try {
      const res = await checkout(token, {
        items: [{ productId, quantity: 1 }],
        paymentMethod: 'pm_card_visa',
      });
      expect(res.status).toBe(201);
      const pending = await res.json();
      expect(pending.status).toBe('pending_payment');
      // While the payment is unknown the box stays reserved and the allowance held: nothing is sold twice.
      expect(await snapshot(h.ds, productId, who)).toEqual({ available: 1, stock: 1, allowance: 0 });
      await h.ds.query(`UPDATE market_order SET reserved_until = now() - interval '1 second' WHERE id = $1`, [
        pending.id,
      ]);
      const orders = h.service.app.get(OrdersService);
      expect(await orders.sweepExpired()).toBe(1);
      expect((await orders.view(pending.id)).status).toBe('pending_payment');
    } finally {
      await restartStripe(h, port);
    }
    // Stripe took the payment but the answer never reached us: the signed webhook alone settles it.
    const [order] = await h.ds.query(`SELECT id FROM market_order WHERE buyer_id = $1`, [who]);
    const sdk = new Stripe('sk_test_market', { host: h.stripe.host, port: h.stripe.port, protocol: 'http' });
    await sdk.paymentIntents.create(
      {
        amount: 1_000,
        currency: 'cny',
        payment_method: 'pm_card_visa',
        confirm: true,
        metadata: { orderId: order.id },
      },
      { idempotencyKey: `market-order-${order.id}` },
    );
    await h.stripe.idle();
    const orders = h.service.app.get(OrdersService);
    expect((await orders.view(order.id)).status).toBe('paid');
    const [{ paid }] = await h.ds.query(
      `SELECT count(*)::int AS paid FROM outbox WHERE message_key = $1 AND event_type = 'market.order.paid'`,
      [order.id],
    );
    expect(paid).toBe(1);
    expect(await orders.sweepExpired()).toBe(0);
  });

  it('lets a buyer see only their own orders', async () => {
    const other = await h.token('buyer', scopes.otherBuyer);
    const mine = await (await h.call('GET', '/orders', buyer)).json();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o: { buyerId: string }) => o.buyerId === buyerId)).toBe(true);
    const theirs = await (await h.call('GET', '/orders', other)).json();
    expect(theirs).toEqual([]);
    const peek = await h.call('GET', `/orders/${mine[0].id}`, other);
    expect(peek.status).toBe(404);
    expect((await h.call('POST', `/orders/${mine[0].id}/cancel`, other, {})).status).toBe(404);
    expect((await h.call('GET', `/orders/${mine[0].id}`, staff)).status).toBe(200);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const who = randomUUID();
    const token = await h.token('buyer', scopes.buyer, who);
    const { productId } = await stockedProduct(h, { boxes: [2], retailPriceFen: 1_000 });
    const [{ count: ordersBefore }] = await h.ds.query('SELECT count(*)::int AS count FROM market_order');
    const bad: Array<[unknown, number, string]> = [
      [{ items: [] }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId, quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId, quantity: 1.5 }] }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId: 'nope', quantity: 1 }] }, 400, 'VALIDATION_FAILED'],
      [
        {
          items: [
            { productId, quantity: 1 },
            { productId, quantity: 1 },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [{ items: [{ productId, quantity: 1 }], extra: true }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId: randomUUID(), quantity: 1 }] }, 422, 'ORDER_PRODUCT_NOT_FOUND'],
      [{ items: [{ productId, quantity: 3 }] }, 409, 'ORDER_OUT_OF_STOCK'],
    ];
    for (const [body, status, code] of bad) {
      const res = await checkout(token, body);
      expect({ body, status: res.status, code: (await res.json()).code }).toEqual({ body, status, code });
    }
    const noKey = await h.call('POST', '/checkout', token, { items: [{ productId, quantity: 1 }] });
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const notBuyer = await checkout(staff, { items: [{ productId, quantity: 1 }] });
    expect(notBuyer.status).toBe(403);
    const [{ count: ordersAfter }] = await h.ds.query('SELECT count(*)::int AS count FROM market_order');
    expect(ordersAfter).toBe(ordersBefore);
    const [p] = await h.ds.query('SELECT available FROM product WHERE id = $1', [productId]);
    expect(p.available).toBe(2);
    expect(NET.workUnit).toBeDefined();
  });
});
