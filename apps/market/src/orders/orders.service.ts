import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import { orderPaidV1, type CheckoutBody, type OrderView } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { IdempotencyKeyReusedError, runIdempotent } from '@fupin/persistence';
import { randomBytes, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { int, iso, updateReturning } from '../common/params';
import { audit, principalOfContext, systemContext, type RequestContext } from '@fupin/service-kit';
import { MARKET_CONFIG, type MarketConfig } from '../market-config';
import { StripeGateway } from '../payments/stripe-gateway';
import { AllowanceService, buyerWorkUnit } from './allowance.service';
import { OrderErrorCode, OrderException } from './orders.exception';
import { ProductGate, ProductGateTimeoutError } from './product-gate';

const STAFF_ROLES = new Set(['supermarket_staff', 'county_admin', 'auditor']);

function outOfStock(product: { id: string; name: string }): OrderException {
  return new OrderException(
    OrderErrorCode.OutOfStock,
    `${product.name} 库存不足 / ${product.name} is out of stock`,
    { productId: product.id },
  );
}

/** pg-pool's answer when no connection came free within `connectionTimeoutMillis`. */
function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

function orderNumber(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `FP${day}${randomBytes(5).toString('hex').toUpperCase()}`;
}

/**
 * Checkout and payment: stock is reserved and the allowance debited in one transaction (a
 * conditional UPDATE per product, so the last boxes cannot be sold twice), then the card pays
 * the rest through Stripe outside that transaction; a decline gives stock and allowance back.
 */
@Injectable()
export class OrdersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrdersService.name);
  private sweepTimer?: NodeJS.Timeout;
  /** Checkouts of one product reserving at once in this process; the rest queue in memory. */
  private readonly gate = new ProductGate(4, 10_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly allowance: AllowanceService,
    private readonly gateway: StripeGateway,
    @Inject(MARKET_CONFIG) private readonly config: MarketConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.MARKET_SWEEP_INTERVAL_MS > 0) {
      this.sweepTimer = setInterval(() => {
        this.sweepExpired().catch((error: unknown) =>
          this.logger.warn(`reservation sweep failed: ${String(error)}`),
        );
      }, this.config.MARKET_SWEEP_INTERVAL_MS);
      this.sweepTimer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  async checkout(ctx: RequestContext, key: string, body: CheckoutBody): Promise<OrderView> {
    try {
      return await this.checkoutOnce(ctx, key, body);
    } catch (error) {
      if (isPoolTimeout(error) || error instanceof ProductGateTimeoutError) {
        throw new OrderException(
          OrderErrorCode.Busy,
          '系统繁忙，请稍后用同一 Idempotency-Key 重试 / The market is busy; retry with the same Idempotency-Key',
        );
      }
      throw error;
    }
  }

  private async checkoutOnce(ctx: RequestContext, key: string, body: CheckoutBody): Promise<OrderView> {
    const principal = principalOfContext(ctx);
    buyerWorkUnit(principal);
    let orderId: string;
    try {
      // Queued per product first, so the sold-out read below sees what the checkouts ahead in
      // the queue have committed (see ProductGate).
      const result = await this.gate.run(
        body.items.map((i) => i.productId),
        async () => {
          await this.refuseSoldOut(principal, key, body);
          return this.dataSource.transaction((manager) =>
            runIdempotent(
              manager,
              { caller: principal.id, key, operation: 'POST /checkout', body },
              async () => ({
                status: 201,
                body: { orderId: await this.reserve(manager, ctx, principal, body) },
              }),
            ),
          );
        },
      );
      orderId = result.body.orderId;
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) {
        throw new OrderException(
          OrderErrorCode.IdempotencyKeyReused,
          'Idempotency-Key 已用于另一请求 / This Idempotency-Key was used for a different request',
        );
      }
      throw error;
    }
    await this.completePayment(orderId);
    const order = await this.view(orderId);
    if (order.status === 'payment_failed') {
      throw new OrderException(
        OrderErrorCode.CardDeclined,
        `银行卡支付失败，库存与补贴已退回 / The card was declined; stock and allowance were released (${order.failureReason})`,
        { orderId },
      );
    }
    return order;
  }

  /**
   * The sold-out fast path: one read, no transaction and no lock, so that once a hot product is
   * gone the refused attempts of a rush cost one round trip instead of a transaction queued for a
   * pooled connection. A key already used goes the normal way (its stored answer is replayed);
   * the conditional UPDATE in reserveLine stays the real guard.
   */
  private async refuseSoldOut(principal: Principal, key: string, body: CheckoutBody): Promise<void> {
    const [row]: Array<{ seen: boolean; sold_out: { id: string; name: string } | null }> =
      await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM idempotency_key WHERE caller = $1 AND key = $2) AS seen,
           (SELECT json_build_object('id', p.id, 'name', p.name)
              FROM unnest($3::uuid[], $4::int[]) AS i(id, qty) JOIN product p ON p.id = i.id
             WHERE p.available < i.qty LIMIT 1) AS sold_out`,
        [principal.id, key, body.items.map((i) => i.productId), body.items.map((i) => i.quantity)],
      );
    if (row && !row.seen && row.sold_out) throw outOfStock(row.sold_out);
  }

  /**
   * Records the order, debits the allowance, then reserves the stock FIFO by lot (one
   * transaction). The hot product rows are touched last, so their locks are held only for the
   * few statements that must run under them.
   */
  private async reserve(
    manager: EntityManager,
    ctx: RequestContext,
    principal: Principal,
    body: CheckoutBody,
  ): Promise<string> {
    const items = [...body.items].sort((a, b) => a.productId.localeCompare(b.productId));
    const products: Array<{ id: string; name: string; retail_price_fen: string; available: number }> =
      await manager.query(
        'SELECT id, name, retail_price_fen, available FROM product WHERE id = ANY($1::uuid[])',
        [items.map((i) => i.productId)],
      );
    const byId = new Map(products.map((p) => [p.id, p]));
    const missing = items.find((i) => !byId.has(i.productId));
    if (missing) {
      throw new OrderException(
        OrderErrorCode.ProductNotFound,
        `商品 ${missing.productId} 不存在 / No such product`,
      );
    }
    // A cheap early answer for a sold-out product (no locks taken); the conditional UPDATE in
    // reserveLine is what actually decides.
    const soldOut = items.find((i) => byId.get(i.productId)!.available < i.quantity);
    if (soldOut) throw outOfStock(byId.get(soldOut.productId)!);
    const totalFen = items.reduce(
      (sum, i) => sum + int(byId.get(i.productId)!.retail_price_fen) * i.quantity,
      0,
    );
    const wallet = await this.allowance.lockWallet(manager, principal);
    const allowanceFen = Math.min(wallet.balanceFen, totalFen);
    const cardFen = totalFen - allowanceFen;
    if (cardFen > 0 && !body.paymentMethod) {
      throw new OrderException(
        OrderErrorCode.PaymentMethodRequired,
        `补贴余额不足，须用银行卡支付 ${cardFen} 分 / The allowance does not cover the total; a card must pay ${cardFen} fen`,
      );
    }
    const orderId = randomUUID();
    const status = cardFen > 0 ? 'pending_payment' : 'paid';
    await manager.query(
      `INSERT INTO market_order (id, order_number, buyer_id, work_unit_id, status, fulfilment, total_fen, allowance_fen, card_fen,
         payment_method, reserved_until, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + make_interval(secs => $11), CASE WHEN $5 = 'paid' THEN now() END)`,
      [
        orderId,
        orderNumber(),
        principal.id,
        buyerWorkUnit(principal),
        status,
        body.fulfilment,
        totalFen,
        allowanceFen,
        cardFen,
        cardFen > 0 ? body.paymentMethod : null,
        this.config.MARKET_RESERVATION_SECONDS,
      ],
    );
    await this.allowance.spend(manager, wallet.id, allowanceFen, orderId);
    await audit(
      manager,
      ctx,
      'market.order.checkout',
      { type: 'order', id: orderId },
      { totalFen, allowanceFen, cardFen },
    );
    if (status === 'paid') await this.publishPaid(manager, orderId);
    for (const item of items) {
      await this.reserveLine(manager, orderId, byId.get(item.productId)!, item.quantity);
    }
    return orderId;
  }

  /** Takes `quantity` boxes of one product, oldest lot first, and records the line and its lots. */
  private async reserveLine(
    manager: EntityManager,
    orderId: string,
    product: { id: string; name: string; retail_price_fen: string },
    quantity: number,
  ): Promise<void> {
    // The conditional UPDATE is the guard against overselling; CHECK (available >= 0) is the backstop.
    const taken = await updateReturning(
      manager,
      'UPDATE product SET available = available - $2 WHERE id = $1 AND available >= $2 RETURNING id',
      [product.id, quantity],
    );
    if (taken.length === 0) throw outOfStock(product);
    // Every change to a product's stock rows happens under its product row lock (held now), so
    // this statement's snapshot is current; CHECK (quantity >= 0) guards it all the same. One
    // statement takes the boxes oldest lot first and records the line and its lots, so the hot
    // row's lock is held for as few round trips as possible.
    const unit = int(product.retail_price_fen);
    const [{ taken: boxes }] = await manager.query(
      `WITH ordered AS (
         SELECT id, lot_id, quantity, SUM(quantity) OVER (ORDER BY created_at, id) - quantity AS before
         FROM stock WHERE product_id = $1 AND quantity > 0
       ), take AS (
         SELECT id, lot_id, LEAST(quantity, $2 - before)::int AS n FROM ordered WHERE before < $2
       ), taken AS (
         UPDATE stock s SET quantity = s.quantity - take.n FROM take WHERE s.id = take.id
         RETURNING s.id AS stock_id, take.lot_id, take.n
       ), line AS (
         INSERT INTO order_line (id, order_id, product_id, product_name, quantity, unit_price_fen, amount_fen)
         VALUES ($3, $4, $1, $5, $2, $6, $7) RETURNING id
       ), lots AS (
         INSERT INTO order_line_lot (order_line_id, stock_id, lot_id, quantity)
         SELECT line.id, taken.stock_id, taken.lot_id, taken.n FROM taken, line RETURNING quantity
       )
       SELECT COALESCE(SUM(quantity), 0)::int AS taken FROM lots`,
      [product.id, quantity, randomUUID(), orderId, product.name, unit, unit * quantity],
    );
    if (boxes !== quantity) {
      throw new Error(`stock of product ${product.id} disagrees with its available count`);
    }
  }

  /**
   * Charges the card part of a pending order. Safe to repeat (checkout replay, sweep, webhook race):
   * Stripe sees the same Idempotency-Key and the order moves only out of `pending_payment`.
   */
  async completePayment(orderId: string): Promise<void> {
    const [order] = await this.dataSource.query(
      'SELECT status, card_fen, payment_method FROM market_order WHERE id = $1',
      [orderId],
    );
    if (!order || order.status !== 'pending_payment') return;
    try {
      const intent = await this.gateway.stripe.paymentIntents.create(
        {
          amount: int(order.card_fen),
          currency: 'cny',
          payment_method: order.payment_method,
          confirm: true,
          metadata: { orderId },
        },
        { idempotencyKey: `market-order-${orderId}` },
      );
      if (intent.status === 'succeeded') await this.markPaid(orderId, intent.id);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const intent = error.payment_intent as Stripe.PaymentIntent | undefined;
        await this.failPayment(
          orderId,
          `${error.code ?? 'card_error'}: ${error.decline_code ?? error.message}`,
          intent?.id,
        );
        return;
      }
      // Stripe unreachable: the order stays pending; the sweep or the webhook settles it.
      this.logger.warn(`payment of order ${orderId} is pending: ${String(error)}`);
    }
  }

  async markPaid(orderId: string, paymentIntentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await updateReturning(
        manager,
        `UPDATE market_order SET status = 'paid', paid_at = now(), payment_intent_id = $2
         WHERE id = $1 AND status = 'pending_payment' RETURNING id`,
        [orderId, paymentIntentId],
      );
      if (updated.length === 0) return;
      await audit(
        manager,
        systemContext('stripe'),
        'market.order.paid',
        { type: 'order', id: orderId },
        { paymentIntentId },
      );
      await this.publishPaid(manager, orderId);
    });
  }

  /** A declined or abandoned card: the stock and the allowance go back, the order ends. */
  async failPayment(orderId: string, reason: string, paymentIntentId?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await updateReturning<{ allowance_fen: string }>(
        manager,
        `UPDATE market_order SET status = 'payment_failed', failure_reason = $2, payment_intent_id = COALESCE($3, payment_intent_id)
         WHERE id = $1 AND status = 'pending_payment' RETURNING allowance_fen`,
        [orderId, reason.slice(0, 200), paymentIntentId ?? null],
      );
      if (updated.length === 0) return;
      await this.releaseStock(manager, orderId);
      await this.allowance.returnToWallet(manager, orderId, int(updated[0].allowance_fen));
      await audit(
        manager,
        systemContext('stripe'),
        'market.order.payment_failed',
        { type: 'order', id: orderId },
        { reason },
      );
    });
  }

  /** Puts an order's boxes back on the lots they came from. */
  async releaseStock(manager: EntityManager, orderId: string): Promise<void> {
    const lots: Array<{ stock_id: string; product_id: string; quantity: number }> = await manager.query(
      `SELECT oll.stock_id, ol.product_id, oll.quantity FROM order_line_lot oll JOIN order_line ol ON ol.id = oll.order_line_id
       WHERE ol.order_id = $1 ORDER BY ol.product_id`,
      [orderId],
    );
    for (const lot of lots) {
      await manager.query('UPDATE product SET available = available + $2 WHERE id = $1', [
        lot.product_id,
        lot.quantity,
      ]);
      await manager.query('UPDATE stock SET quantity = quantity + $2 WHERE id = $1', [
        lot.stock_id,
        lot.quantity,
      ]);
    }
  }

  /** Settles orders whose reservation ran out: paid if Stripe took the money, released otherwise. */
  async sweepExpired(): Promise<number> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM market_order WHERE status = 'pending_payment' AND reserved_until < now() ORDER BY reserved_until LIMIT 100`,
    );
    for (const row of rows) await this.completePayment(row.id);
    return rows.length;
  }

  private async publishPaid(manager: EntityManager, orderId: string): Promise<void> {
    const [o] = await manager.query('SELECT * FROM market_order WHERE id = $1', [orderId]);
    await publish(manager, orderPaidV1, {
      aggregateId: orderId,
      payload: {
        orderId,
        orderNumber: o.order_number,
        buyerId: o.buyer_id,
        workUnitId: o.work_unit_id,
        totalFen: int(o.total_fen),
        allowanceFen: int(o.allowance_fen),
        cardFen: int(o.card_fen),
        paidAt: iso(o.paid_at) as string,
      },
    });
  }

  /** One order as its buyer or the staff see it; another buyer's order is 404. */
  async viewFor(principal: Principal, orderId: string): Promise<OrderView> {
    const order = await this.view(orderId);
    if (!STAFF_ROLES.has(principal.role) && order.buyerId !== principal.id)
      throw OrderException.notFound(orderId);
    return order;
  }

  async list(principal: Principal): Promise<OrderView[]> {
    const own = STAFF_ROLES.has(principal.role) ? null : principal.id;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM market_order WHERE ($1::text IS NULL OR buyer_id = $1) ORDER BY created_at DESC LIMIT 100',
      [own],
    );
    return this.views(rows.map((r) => r.id));
  }

  async view(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<OrderView> {
    const [order] = await this.views([orderId], manager);
    if (!order) throw OrderException.notFound(orderId);
    return order;
  }

  /** The orders of `orderIds`, in that order (unknown ids left out), in two queries whatever their number. */
  async views(orderIds: string[], manager: EntityManager = this.dataSource.manager): Promise<OrderView[]> {
    if (orderIds.length === 0) return [];
    const orders: Array<Record<string, unknown>> = await manager.query(
      'SELECT * FROM market_order WHERE id = ANY($1::uuid[])',
      [orderIds],
    );
    const lines: Array<Record<string, unknown>> = await manager.query(
      `SELECT ol.*, COALESCE((SELECT json_agg(json_build_object('traceCode', l.trace_code, 'quantity', oll.quantity) ORDER BY l.trace_code)
          FROM order_line_lot oll JOIN lot l ON l.id = oll.lot_id WHERE oll.order_line_id = ol.id), '[]') AS lots
       FROM order_line ol WHERE ol.order_id = ANY($1::uuid[]) ORDER BY ol.product_name, ol.id`,
      [orderIds],
    );
    const linesOf = new Map<string, Array<Record<string, unknown>>>();
    for (const l of lines) {
      const list = linesOf.get(l.order_id as string) ?? [];
      list.push(l);
      linesOf.set(l.order_id as string, list);
    }
    const byId = new Map(orders.map((o) => [o.id as string, o]));
    return orderIds.flatMap((id) => {
      const o = byId.get(id);
      if (!o) return [];
      return [
        {
          id: o.id as string,
          orderNumber: o.order_number as string,
          buyerId: o.buyer_id as string,
          workUnitId: o.work_unit_id as string,
          status: o.status as OrderView['status'],
          fulfilment: o.fulfilment as OrderView['fulfilment'],
          totalFen: int(o.total_fen),
          allowanceFen: int(o.allowance_fen),
          cardFen: int(o.card_fen),
          refundedFen: int(o.refunded_fen),
          failureReason: o.failure_reason as string | null,
          lines: (linesOf.get(id) ?? []).map((l) => ({
            productId: l.product_id as string,
            productName: l.product_name as string,
            quantity: int(l.quantity),
            unitPriceFen: int(l.unit_price_fen),
            amountFen: int(l.amount_fen),
            lots: l.lots as Array<{ traceCode: string; quantity: number }>,
          })),
          createdAt: iso(o.created_at) as string,
          paidAt: iso(o.paid_at),
          pickingAt: iso(o.picking_at),
          readyAt: iso(o.ready_at),
          acceptedAt: iso(o.accepted_at),
          cancelledAt: iso(o.cancelled_at),
        },
      ];
    });
  }
}
