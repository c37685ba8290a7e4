import { Injectable } from '@nestjs/common';
import { canAccessRegion, forbidden, type Principal } from '@fupin/auth';
import { pointsRedeemedV1, type RedeemBody, type RedemptionReceipt } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { pointsToSpokenChinese } from '@fupin/money';
import { DataSource, EntityManager } from 'typeorm';
import { householdAccount, postEntry, storeAccount } from '../accounts/journal';
import { assertKeeperOf, findStore } from '../common/lookups';
import { audit, type RequestContext } from '@fupin/service-kit';
import { chinaDay, iso, num } from '../common/sql';
import { lockGoods, moveStock } from '../stores/stock';
import { redeemAtKiosk } from './kiosk-redeem';
import { RedemptionErrorCode as C, RedemptionException } from './redemptions.exception';

type ReceiptLine = RedemptionReceipt['lines'][number];

/**
 * Kiosk redemptions (兑换) and their same-day voids. A basket takes the household's points and the
 * store's stock in one transaction. Rows are locked in one order — the household's account, then
 * the goods by id, then the store's account — so two kiosks racing for the last item or the last
 * points serialise and exactly one wins; the CHECK constraints on balance and quantity stand
 * behind that.
 */
@Injectable()
export class RedemptionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A kiosk basket: see {@link redeemAtKiosk} (claims its Idempotency-Key itself). */
  redeem(ctx: RequestContext, key: string, body: RedeemBody): Promise<RedemptionReceipt> {
    return redeemAtKiosk(this.dataSource, ctx, key, body);
  }

  /** The store keeper voids a receipt on the day it was made: a reversing entry, stock restored. */
  async void(ctx: RequestContext, m: EntityManager, id: string, reason: string): Promise<RedemptionReceipt> {
    const [r] = await m.query(`SELECT * FROM redemption WHERE id = $1`, [id]);
    if (!r) throw new RedemptionException(C.NotFound, `兑换单 ${id} 不存在 / No receipt ${id}`);
    const store = await findStore(m, r.store_id);
    assertKeeperOf(ctx.principal!, store);
    const account = (await householdAccount(m, r.household_id, true))!;
    const [locked] = await m.query(`SELECT status FROM redemption WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.status !== 'completed') {
      throw new RedemptionException(C.AlreadyVoided, '该兑换单已作废 / The receipt is already voided');
    }
    if (chinaDay(new Date(r.created_at)) !== chinaDay(new Date())) {
      throw new RedemptionException(
        C.NotSameDay,
        '只能作废当天的兑换单 / Only same-day receipts can be voided',
      );
    }
    const lines: ReceiptLine[] = r.lines;
    const goods = await lockGoods(
      m,
      store.id,
      lines.map((l) => l.goodsId),
    );
    const total = num(r.total_points);
    const { entryId } = await postEntry(m, ctx, {
      kind: 'void',
      reason: `作废 ${r.receipt_number}：${reason} / void: ${reason}`,
      reference: { type: 'redemption', id },
      reversesEntryId: r.entry_id,
      legs: [
        { accountId: account.id, amount: total },
        { accountId: await storeAccount(m, store.id), amount: -total },
      ],
    });
    await moveStock(
      m,
      ctx,
      store,
      goods,
      lines.map((l) => ({ goodsId: l.goodsId, delta: l.quantity })),
      {
        kind: 'void',
        reason,
        redemptionId: id,
      },
    );
    await m.query(
      `UPDATE redemption SET status = 'voided', void_entry_id = $2, void_reason = $3, voided_by = $4, voided_at = now()
       WHERE id = $1`,
      [id, entryId, reason, ctx.actorId],
    );
    await publish(m, pointsRedeemedV1, {
      aggregateId: r.household_id,
      payload: {
        receiptId: id,
        receiptNumber: r.receipt_number,
        householdId: r.household_id,
        storeId: store.id,
        villageCode: store.villageCode,
        points: -total,
        voided: true,
        lines: lines.map((l) => ({
          goodsId: l.goodsId,
          name: l.name,
          quantity: -l.quantity,
          points: -l.points,
        })),
        entryId,
      },
    });
    await audit(m, ctx, 'redemption.voided', { type: 'redemption', id }, { reason, entryId });
    return this.load(m, id);
  }

  async get(principal: Principal, id: string): Promise<RedemptionReceipt> {
    const receipt = await this.load(this.dataSource.manager, id).catch(() => undefined);
    if (!receipt) throw new RedemptionException(C.NotFound, `兑换单 ${id} 不存在 / No receipt ${id}`);
    const store = await findStore(this.dataSource.manager, receipt.storeId);
    const scope = principal.scope;
    const ok =
      scope.kind === 'household'
        ? scope.householdId === receipt.householdId
        : scope.kind === 'organisation'
          ? scope.id === store.id
          : canAccessRegion(principal, store.villageCode);
    if (!ok) throw forbidden('无权查看该兑换单 / Not your receipt');
    return receipt;
  }

  async listForStore(principal: Principal, storeId: string): Promise<RedemptionReceipt[]> {
    const store = await findStore(this.dataSource.manager, storeId);
    if (principal.scope.kind === 'organisation') assertKeeperOf(principal, store);
    else if (!canAccessRegion(principal, store.villageCode)) throw forbidden();
    const rows = await this.dataSource.query(
      `SELECT id FROM redemption WHERE store_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [storeId],
    );
    const out: RedemptionReceipt[] = [];
    for (const r of rows) out.push(await this.load(this.dataSource.manager, r.id));
    return out;
  }

  private async load(m: EntityManager, id: string): Promise<RedemptionReceipt> {
    const [r] = await m.query(
      `SELECT r.*, h.household_number, h.head_name, s.name AS store_name FROM redemption r
       JOIN household_view h ON h.id = r.household_id JOIN store_view s ON s.id = r.store_id WHERE r.id = $1`,
      [id],
    );
    if (!r) throw new RedemptionException(C.NotFound, `兑换单 ${id} 不存在 / No receipt ${id}`);
    const total = num(r.total_points);
    return {
      id: r.id,
      receiptNumber: r.receipt_number,
      householdId: r.household_id,
      householdNumber: r.household_number,
      headName: r.head_name,
      storeId: r.store_id,
      storeName: r.store_name,
      lines: r.lines,
      totalPoints: total,
      totalPointsText: pointsToSpokenChinese(total),
      balanceAfter: num(r.balance_after),
      status: r.status,
      createdAt: iso(r.created_at)!,
      voidedAt: iso(r.voided_at),
      voidReason: r.void_reason,
    };
  }
}
