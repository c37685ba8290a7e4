import { Injectable } from '@nestjs/common';
import { assertOwnOrganisation, type Principal } from '@fupin/auth';
import { orderAcceptedV1, type OrderRefundBody, type OrderView } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { allocate } from '@fupin/money';
import { runIdempotent } from '@fupin/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { int } from '../common/params';
import { audit, principalOfContext, type RequestContext } from '@fupin/service-kit';
import { StripeGateway } from '../payments/stripe-gateway';
import { AllowanceService } from './allowance.service';
import { OrderErrorCode, OrderException } from './orders.exception';
import { OrdersService } from './orders.service';

/** Supermarket staff act only for their own county supermarket. */
function assertSupermarketStaff(principal: Principal): void {
  if (principal.role === 'county_admin') return;
  if (principal.scope.kind !== 'organisation') throw OrderException.wrongStatus('-', 'handle');
  assertOwnOrganisation(principal, principal.scope.id, ['county_supermarket']);
}

/** paid → picking → ready → accepted; cancel before picking; refunds with a reason after acceptance. */
@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly allowance: AllowanceService,
    private readonly gateway: StripeGateway,
  ) {}

  private async lock(manager: EntityManager, orderId: string): Promise<Record<string, unknown>> {
    const [o] = await manager.query('SELECT * FROM market_order WHERE id = $1 FOR UPDATE', [orderId]);
    if (!o) throw OrderException.notFound(orderId);
    return o;
  }

  async advance(ctx: RequestContext, orderId: string, to: 'picking' | 'ready'): Promise<OrderView> {
    assertSupermarketStaff(principalOfContext(ctx));
    const from = to === 'picking' ? 'paid' : 'picking';
    return this.dataSource.transaction(async (manager) => {
      const o = await this.lock(manager, orderId);
      if (o.status !== from) throw OrderException.wrongStatus(o.status as string, to);
      await manager.query(
        `UPDATE market_order SET status = $2,
           picking_at = CASE WHEN $2 = 'picking' THEN now() ELSE picking_at END,
           ready_at = CASE WHEN $2 = 'ready' THEN now() ELSE ready_at END
         WHERE id = $1`,
        [orderId, to],
      );
      await audit(manager, ctx, `market.order.${to}`, { type: 'order', id: orderId });
      return this.orders.view(orderId, manager);
    });
  }

  /** The buyer accepts the goods: the sale is attributed to the households behind its lots. */
  async accept(ctx: RequestContext, orderId: string): Promise<OrderView> {
    const principal = principalOfContext(ctx);
    return this.dataSource.transaction(async (manager) => {
      const o = await this.lock(manager, orderId);
      if (o.buyer_id !== principal.id) throw OrderException.notFound(orderId);
      if (o.status !== 'ready') throw OrderException.wrongStatus(o.status as string, 'accept');
      await manager.query(`UPDATE market_order SET status = 'accepted', accepted_at = now() WHERE id = $1`, [
        orderId,
      ]);
      const households = await this.attribute(manager, orderId, o.work_unit_id as string);
      await audit(manager, ctx, 'market.order.accept', { type: 'order', id: orderId });
      const view = await this.orders.view(orderId, manager);
      await publish(manager, orderAcceptedV1, {
        aggregateId: orderId,
        payload: {
          orderId,
          orderNumber: view.orderNumber,
          buyerId: view.buyerId,
          workUnitId: view.workUnitId,
          totalFen: view.totalFen,
          households,
          acceptedAt: view.acceptedAt as string,
        },
      });
      return view;
    });
  }

  /**
   * Splits each line's amount over its lots by boxes, then each lot's share over its households by
   * weight, both by largest remainder: the parts add up to the order total to the fen.
   */
  private async attribute(
    manager: EntityManager,
    orderId: string,
    workUnitId: string,
  ): Promise<Array<{ householdId: string; villageCode: string; amountFen: number }>> {
    const lines: Array<{ id: string; amount_fen: string }> = await manager.query(
      'SELECT id, amount_fen FROM order_line WHERE order_id = $1 ORDER BY id',
      [orderId],
    );
    const totals = new Map<string, { householdId: string; villageCode: string; amountFen: number }>();
    for (const line of lines) {
      const lots: Array<{ lot_id: string; quantity: number }> = await manager.query(
        'SELECT lot_id, quantity FROM order_line_lot WHERE order_line_id = $1 ORDER BY lot_id',
        [line.id],
      );
      const lotShares = allocate(
        int(line.amount_fen),
        lots.map((l) => l.quantity),
      );
      for (const [index, lot] of lots.entries()) {
        const hs: Array<{ household_id: string; village_code: string; weight_grams: number }> =
          await manager.query(
            `SELECT lh.household_id, h.village_code, lh.weight_grams FROM lot_household lh
           JOIN network_household h ON h.id = lh.household_id WHERE lh.lot_id = $1 ORDER BY lh.household_id`,
            [lot.lot_id],
          );
        const shares = allocate(
          lotShares[index],
          hs.map((h) => h.weight_grams),
        );
        for (const [i, h] of hs.entries()) {
          await manager.query(
            `INSERT INTO sale_attribution (order_id, lot_id, household_id, village_code, work_unit_id, amount_fen)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [orderId, lot.lot_id, h.household_id, h.village_code, workUnitId, shares[i]],
          );
          const total = totals.get(h.household_id) ?? {
            householdId: h.household_id,
            villageCode: h.village_code,
            amountFen: 0,
          };
          total.amountFen += shares[i];
          totals.set(h.household_id, total);
        }
      }
    }
    return [...totals.values()];
  }

  /**
   * Takes a refund back from the households the sale was attributed to, in proportion to what each
   * row of the sale got (largest remainder: the negative rows add up to the refund exactly).
   * Settlement nets them: before the sale is settled the households are paid less; after, the
   * next run holds a household back until its new sales cover what it owes.
   */
  private async attributeRefund(
    manager: EntityManager,
    orderId: string,
    refundId: string,
    amountFen: number,
  ): Promise<void> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT lot_id, household_id, village_code, work_unit_id, SUM(amount_fen) AS amount
       FROM sale_attribution WHERE order_id = $1 AND kind = 'sale'
       GROUP BY lot_id, household_id, village_code, work_unit_id HAVING SUM(amount_fen) > 0
       ORDER BY lot_id, household_id`,
      [orderId],
    );
    if (rows.length === 0) return;
    const shares = allocate(
      amountFen,
      rows.map((r) => int(r.amount)),
    );
    for (const [i, r] of rows.entries()) {
      if (shares[i] === 0) continue;
      await manager.query(
        `INSERT INTO sale_attribution (order_id, lot_id, household_id, village_code, work_unit_id, amount_fen, kind, refund_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'refund', $7)`,
        [orderId, r.lot_id, r.household_id, r.village_code, r.work_unit_id, -shares[i], refundId],
      );
    }
  }

  /** Cancel before picking: the card part is refunded, the allowance returned, the boxes restocked. */
  async cancel(ctx: RequestContext, orderId: string, reason: string | undefined): Promise<OrderView> {
    const principal = principalOfContext(ctx);
    return this.dataSource.transaction(async (manager) => {
      const o = await this.lock(manager, orderId);
      const isStaff = principal.role === 'supermarket_staff' || principal.role === 'county_admin';
      if (!isStaff && o.buyer_id !== principal.id) throw OrderException.notFound(orderId);
      if (isStaff) assertSupermarketStaff(principal);
      if (o.status !== 'paid') throw OrderException.wrongStatus(o.status as string, 'cancel');
      const cardFen = int(o.card_fen);
      let refundId: string | null = null;
      if (cardFen > 0) {
        // Inside the transaction that holds the order: a retry reuses the key and Stripe refunds once.
        const refund = await this.gateway.stripe.refunds.create(
          {
            payment_intent: o.payment_intent_id as string,
            amount: cardFen,
            reason: 'requested_by_customer',
            metadata: { orderId },
          },
          { idempotencyKey: `market-cancel-${orderId}` },
        );
        refundId = refund.id;
      }
      await manager.query(
        `UPDATE market_order SET status = 'cancelled', cancelled_at = now(), refunded_fen = total_fen, failure_reason = $2 WHERE id = $1`,
        [orderId, reason ?? null],
      );
      await manager.query(
        `INSERT INTO order_refund (id, order_id, card_fen, allowance_fen, reason, stripe_refund_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), orderId, cardFen, int(o.allowance_fen), reason ?? 'cancelled', refundId, ctx.actorId],
      );
      await this.orders.releaseStock(manager, orderId);
      await this.allowance.returnToWallet(manager, orderId, int(o.allowance_fen));
      await audit(manager, ctx, 'market.order.cancel', { type: 'order', id: orderId }, { reason, refundId });
      return this.orders.view(orderId, manager);
    });
  }

  /** A problem after acceptance: refund part of the order, card first, then back to the allowance. */
  async refund(ctx: RequestContext, key: string, orderId: string, body: OrderRefundBody): Promise<OrderView> {
    assertSupermarketStaff(principalOfContext(ctx));
    await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { caller: ctx.actorId, key, operation: `POST /orders/${orderId}/refunds`, body },
        async () => {
          const o = await this.lock(manager, orderId);
          if (o.status !== 'accepted') throw OrderException.wrongStatus(o.status as string, 'refund');
          const left = int(o.total_fen) - int(o.refunded_fen);
          if (body.amountFen > left) {
            throw new OrderException(
              OrderErrorCode.RefundTooLarge,
              `最多可退 ${left} 分 / At most ${left} fen can be refunded`,
            );
          }
          const [{ card_refunded }] = await manager.query(
            'SELECT COALESCE(SUM(card_fen), 0) AS card_refunded FROM order_refund WHERE order_id = $1',
            [orderId],
          );
          const cardPart = Math.min(body.amountFen, int(o.card_fen) - int(card_refunded));
          const allowancePart = body.amountFen - cardPart;
          const id = randomUUID();
          let refundId: string | null = null;
          if (cardPart > 0) {
            const refund = await this.gateway.stripe.refunds.create(
              {
                payment_intent: o.payment_intent_id as string,
                amount: cardPart,
                metadata: { orderId, reason: body.reason },
              },
              { idempotencyKey: `market-refund-${ctx.actorId}-${key}` },
            );
            refundId = refund.id;
          }
          await this.allowance.returnToWallet(manager, orderId, allowancePart);
          await manager.query('UPDATE market_order SET refunded_fen = refunded_fen + $2 WHERE id = $1', [
            orderId,
            body.amountFen,
          ]);
          await manager.query(
            `INSERT INTO order_refund (id, order_id, card_fen, allowance_fen, reason, stripe_refund_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, orderId, cardPart, allowancePart, body.reason, refundId, ctx.actorId],
          );
          await this.attributeRefund(manager, orderId, id, body.amountFen);
          await audit(
            manager,
            ctx,
            'market.order.refund',
            { type: 'order', id: orderId },
            { ...body, cardPart, allowancePart },
          );
          return { status: 201, body: { refundId: id } };
        },
      ),
    );
    return this.orders.view(orderId);
  }
}
