import { Injectable } from '@nestjs/common';
import { canAccessRegion, forbidden, type Principal } from '@fupin/auth';
import { pointsRedeemedV1, type RedeemBody, type RedemptionReceipt } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { pointsToSpokenChinese } from '@fupin/money';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { appendEntry, applyBalances, householdAccount, postEntry, storeAccount } from '../accounts/journal';
import { LedgerException } from '../common/ledger.exception';
import { assertKeeperOf, findStore } from '../common/lookups';
import { audit, type RequestContext } from '@fupin/service-kit';
import { chinaDay, iso, num } from '../common/sql';
import { nextReceiptNumber } from '../stores/stores.service';
import { lockGoods, moveStock, recordMovements, takeStock } from '../stores/stock';
import { StoreErrorCode, StoreException } from '../stores/stores.exception';
import { RedemptionErrorCode as C, RedemptionException } from './redemptions.exception';

type ReceiptLine = RedemptionReceipt['lines'][number];

/**
 * Kiosk redemptions (兑换): a basket takes the household's points and the store's stock in one
 * transaction. Rows are locked in one order — the household's account, then the goods by id, then
 * the store's account — so two kiosks racing for the last item or the last points serialise and
 * exactly one wins; the CHECK constraints on balance and quantity stand behind that.
 */
@Injectable()
export class RedemptionsService {
  constructor(private readonly dataSource: DataSource) {}

  async redeem(ctx: RequestContext, m: EntityManager, body: RedeemBody): Promise<RedemptionReceipt> {
    const scope = ctx.principal!.scope;
    if (scope.kind !== 'household') throw forbidden('只能在自助机上兑换 / Redeem at a kiosk');
    // One round trip for the household, its (locked) account, its blacklist state, the store and
    // the store's account: the kiosk path is the hottest in the service.
    const [found] = await m.query(
      `SELECT h.id, h.household_number, h.village_code, h.head_name, a.id AS account_id, a.balance,
         EXISTS (SELECT 1 FROM blacklist_entry b WHERE b.household_id = h.id AND b.status = 'active'
           AND b.blocks_redemption AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN b.starts_on AND b.ends_on) AS blocked,
         s.id AS store_id, s.name AS store_name, s.village_code AS store_village, s.active AS store_active,
         sa.id AS store_account_id
       FROM household_view h JOIN account a ON a.household_id = h.id
       LEFT JOIN store_view s ON s.id = $2 LEFT JOIN account sa ON sa.store_id = s.id
       WHERE h.id = $1 FOR NO KEY UPDATE OF a`,
      [scope.householdId, scope.storeId],
    );
    if (!found) throw LedgerException.householdNotFound(scope.householdId);
    if (!found.store_id || !found.store_account_id) throw LedgerException.storeNotFound(scope.storeId);
    const household = {
      id: found.id as string,
      householdNumber: found.household_number as string,
      villageCode: found.village_code as string,
      headName: found.head_name as string,
    };
    const store = {
      id: found.store_id as string,
      name: found.store_name as string,
      villageCode: found.store_village as string,
      active: found.store_active as boolean,
    };
    if (!store.active)
      throw new RedemptionException(C.StoreInactive, '该爱心超市已停用 / The store is closed');
    if (store.villageCode !== household.villageCode)
      throw forbidden('只能在本村爱心超市兑换 / Only your village’s store');
    if (found.blocked) {
      throw new RedemptionException(
        C.Blocked,
        '该户在黑名单期内，暂停兑换 / Blacklisted: redemption suspended',
      );
    }
    const account = { id: found.account_id as string, balance: num(found.balance) };
    // Prices and a first stock check without locking: the store's goods and account are shared by
    // every kiosk, so they are touched last, just before commit (see takeStock / applyBalances).
    const goods = await lockGoods(
      m,
      store.id,
      body.lines.map((l) => l.goodsId),
      false,
    );
    const lines: ReceiptLine[] = body.lines.map((l) => {
      const g = goods.get(l.goodsId)!;
      return {
        goodsId: g.id,
        name: g.name,
        unit: g.unit,
        quantity: l.quantity,
        unitPoints: g.pricePoints,
        points: g.pricePoints * l.quantity,
      };
    });
    const total = lines.reduce((s, l) => s + l.points, 0);
    if (!Number.isSafeInteger(total) || total > account.balance) {
      throw LedgerException.insufficientPoints(account.balance, total);
    }
    const short = lines.find((l) => goods.get(l.goodsId)!.quantity < l.quantity);
    if (short) {
      throw new StoreException(
        StoreErrorCode.OutOfStock,
        `“${short.name}”库存不足 / Not enough "${short.name}"`,
        {
          goodsId: short.goodsId,
          available: goods.get(short.goodsId)!.quantity,
          requested: short.quantity,
        },
      );
    }
    const id = randomUUID();
    const receiptNumber = await nextReceiptNumber(m, 'R');
    const { entryId, legs } = await appendEntry(m, ctx, {
      kind: 'redemption',
      reason: `兑换 ${receiptNumber} / redemption ${receiptNumber}`,
      reference: { type: 'redemption', id },
      legs: [
        { accountId: account.id, amount: -total },
        { accountId: found.store_account_id as string, amount: total },
      ],
    });
    const balanceAfter = account.balance - total;
    const [row] = await m.query(
      `INSERT INTO redemption (id, receipt_number, household_id, store_id, total_points, lines, entry_id, balance_after, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'completed') RETURNING created_at`,
      [id, receiptNumber, household.id, store.id, total, JSON.stringify(lines), entryId, balanceAfter],
    );
    const changes = lines.map((l) => ({ goodsId: l.goodsId, delta: -l.quantity }));
    await recordMovements(m, ctx, store.id, changes, { kind: 'redemption', redemptionId: id });
    await publish(m, pointsRedeemedV1, {
      aggregateId: household.id,
      payload: {
        receiptId: id,
        receiptNumber,
        householdId: household.id,
        storeId: store.id,
        villageCode: store.villageCode,
        points: total,
        voided: false,
        lines: lines.map((l) => ({
          goodsId: l.goodsId,
          name: l.name,
          quantity: l.quantity,
          points: l.points,
        })),
        entryId,
      },
    });
    await audit(
      m,
      ctx,
      'redemption.completed',
      { type: 'redemption', id },
      { receiptNumber, total, storeId: store.id },
    );
    // The shared rows last: the household's account is already ours, then goods by id, then the store's account.
    await takeStock(m, store, goods, changes);
    await applyBalances(m, legs);
    return {
      id,
      receiptNumber,
      householdId: household.id,
      householdNumber: household.householdNumber,
      headName: household.headName,
      storeId: store.id,
      storeName: store.name,
      lines,
      totalPoints: total,
      totalPointsText: pointsToSpokenChinese(total),
      balanceAfter,
      status: 'completed',
      createdAt: iso(row.created_at)!,
      voidedAt: null,
      voidReason: null,
    };
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
