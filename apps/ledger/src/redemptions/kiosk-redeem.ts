import { forbidden } from '@fupin/auth';
import { pointsRedeemedV1, stockLowV1, type RedeemBody, type RedemptionReceipt } from '@fupin/contracts';
import { pointsToSpokenChinese } from '@fupin/money';
import type { RequestContext } from '@fupin/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { requestHash } from '../common/idempotent-command';
import { LedgerErrorCode, LedgerException } from '../common/ledger.exception';
import { num, violates } from '../common/sql';
import { formatReceiptNumber } from '../stores/stores.service';
import { StoreErrorCode, StoreException } from '../stores/stores.exception';
import { RedemptionErrorCode as C, RedemptionException } from './redemptions.exception';

type ReceiptLine = RedemptionReceipt['lines'][number];

export const REDEEM_OPERATION = 'POST /redemptions';

/**
 * Everything the kiosk path needs, in one unlocked read: the key's earlier answer if any, the
 * household and its account, its blacklist state, the store and its account, the basket's goods,
 * and a receipt number (drawn only when the key is new).
 */
const READ = `
  SELECT h.id, h.household_number, h.village_code, h.head_name, a.id AS account_id, a.balance,
    EXISTS (SELECT 1 FROM blacklist_entry b WHERE b.household_id = h.id AND b.status = 'active'
      AND b.blocks_redemption AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN b.starts_on AND b.ends_on) AS blocked,
    s.id AS store_id, s.name AS store_name, s.village_code AS store_village, s.active AS store_active,
    sa.id AS store_account_id,
    (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'unit', g.unit,
        'pricePoints', g.price_points, 'quantity', g.quantity, 'lowStockThreshold', g.low_stock_threshold)), '[]')
      FROM goods g WHERE g.store_id = $2 AND g.id = ANY($3::uuid[])) AS goods,
    k.request_hash, k.response_body,
    CASE WHEN k.key IS NULL THEN nextval('receipt_number_seq') END AS receipt_seq
  FROM (SELECT 1) one
  LEFT JOIN household_view h ON h.id = $1
  LEFT JOIN account a ON a.household_id = h.id
  LEFT JOIN store_view s ON s.id = $2
  LEFT JOIN account sa ON sa.store_id = s.id
  LEFT JOIN idempotency_key k ON k.caller = $4 AND k.key = $5`;

interface GoodsRead {
  id: string;
  name: string;
  unit: string;
  pricePoints: number;
  quantity: number;
  lowStockThreshold: number;
}

class PriceChanged extends Error {}

/**
 * A kiosk redemption (兑换) in two round trips: one unlocked read that lets the service refuse
 * bad baskets early and build the receipt, event and audit row through their contracts, then one
 * call of `ledger_redeem` (migration 1763900002501) that claims the key, locks, re-checks and
 * writes everything atomically. No row stays locked while the network carries a message, so
 * fifty kiosks queue on the store's shared rows for microseconds, not round trips.
 */
export async function redeemAtKiosk(
  dataSource: DataSource,
  ctx: RequestContext,
  key: string,
  body: RedeemBody,
): Promise<RedemptionReceipt> {
  const scope = ctx.principal!.scope;
  if (scope.kind !== 'household' || !scope.storeId || !scope.kioskId)
    throw forbidden('只能在自助机上兑换 / Redeem at a kiosk');
  const at = { householdId: scope.householdId, storeId: scope.storeId };
  const hash = requestHash(REDEEM_OPERATION, body);
  for (let attempt = 1; ; attempt++) {
    try {
      return await redeemOnce(dataSource, ctx, { ...at, key, hash }, body);
    } catch (error) {
      if (!(error instanceof PriceChanged)) throw error;
      if (attempt >= 3) {
        throw new RedemptionException(
          C.PriceChanged,
          '商品价格刚刚变动，请重新确认 / A price just changed: please check the basket again',
        );
      }
    }
  }
}

async function redeemOnce(
  dataSource: DataSource,
  ctx: RequestContext,
  req: { householdId: string; storeId: string; key: string; hash: string },
  body: RedeemBody,
): Promise<RedemptionReceipt> {
  const [found] = await dataSource.query(READ, [
    req.householdId,
    req.storeId,
    body.lines.map((l) => l.goodsId),
    ctx.actorId,
    req.key,
  ]);
  if (found.request_hash) {
    if (found.request_hash !== req.hash) throw keyReused();
    return found.response_body as RedemptionReceipt;
  }
  if (!found.id || !found.account_id) throw LedgerException.householdNotFound(req.householdId);
  if (!found.store_id || !found.store_account_id) throw LedgerException.storeNotFound(req.storeId);
  if (!found.store_active)
    throw new RedemptionException(C.StoreInactive, '该爱心超市已停用 / The store is closed');
  if (found.store_village !== found.village_code)
    throw forbidden('只能在本村爱心超市兑换 / Only your village’s store');
  if (found.blocked) throw blocked();

  const goods = new Map<string, GoodsRead>(
    (found.goods as GoodsRead[]).map((g) => [g.id, { ...g, pricePoints: num(g.pricePoints) }]),
  );
  const missing = body.lines.map((l) => l.goodsId).filter((id) => !goods.has(id));
  if (missing.length) {
    throw new StoreException(
      StoreErrorCode.GoodsNotFound,
      `本店没有商品 ${missing.join(', ')} / No such goods at this store`,
      { missing },
    );
  }
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
  const balance = num(found.balance);
  if (!Number.isSafeInteger(total) || total > balance)
    throw LedgerException.insufficientPoints(balance, total);
  const short = lines.find((l) => goods.get(l.goodsId)!.quantity < l.quantity);
  if (short) throw outOfStock(short.goodsId, short.name, goods.get(short.goodsId)!.quantity, short.quantity);

  const id = randomUUID();
  const entryId = randomUUID();
  const receiptNumber = formatReceiptNumber('R', found.receipt_seq);
  const store = {
    id: found.store_id as string,
    name: found.store_name as string,
    villageCode: found.store_village,
  };
  const event = pointsRedeemedV1.create({
    aggregateId: found.id,
    payload: {
      receiptId: id,
      receiptNumber,
      householdId: found.id,
      storeId: store.id,
      villageCode: store.villageCode,
      points: total,
      voided: false,
      lines: lines.map((l) => ({ goodsId: l.goodsId, name: l.name, quantity: l.quantity, points: l.points })),
      entryId,
    },
  });
  const lowStock: Record<string, unknown> = {};
  for (const l of lines) {
    const g = goods.get(l.goodsId)!;
    const envelope = stockLowV1.create({
      aggregateId: store.id,
      payload: {
        storeId: store.id,
        villageCode: store.villageCode,
        goodsId: g.id,
        name: g.name,
        quantity: Math.max(0, g.quantity - l.quantity),
        threshold: g.lowStockThreshold,
      },
    });
    lowStock[g.id] = outboxRow(stockLowV1.topic, envelope);
  }
  const receipt: Omit<RedemptionReceipt, 'balanceAfter' | 'createdAt'> = {
    id,
    receiptNumber,
    householdId: found.id,
    householdNumber: found.household_number,
    headName: found.head_name,
    storeId: store.id,
    storeName: store.name,
    lines,
    totalPoints: total,
    totalPointsText: pointsToSpokenChinese(total),
    status: 'completed',
    voidedAt: null,
    voidReason: null,
  };
  const call = {
    caller: ctx.actorId,
    key: req.key,
    operation: REDEEM_OPERATION,
    requestHash: req.hash,
    householdId: found.id,
    accountId: found.account_id,
    storeId: store.id,
    storeAccountId: found.store_account_id,
    total,
    redemptionId: id,
    entryId,
    receiptNumber,
    reason: `兑换 ${receiptNumber} / redemption ${receiptNumber}`,
    operatorId: ctx.actorId,
    operatorRole: ctx.role,
    lines,
    event: outboxRow(pointsRedeemedV1.topic, event),
    lowStock,
    audit: {
      actorId: ctx.actorId,
      role: ctx.role,
      scope: ctx.scope,
      action: 'redemption.completed',
      targetType: 'redemption',
      targetId: id,
      details: { receiptNumber, total, storeId: store.id },
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
    },
    receipt,
  };
  try {
    const [{ r }] = await dataSource.query(`SELECT ledger_redeem($1::jsonb) AS r`, [JSON.stringify(call)]);
    return r.body as RedemptionReceipt;
  } catch (error) {
    throw refusal(error, req.householdId);
  }
}

function outboxRow(
  topic: string,
  envelope: { id: string; type: string; aggregateId: string },
): Record<string, unknown> {
  return { eventId: envelope.id, topic, key: envelope.aggregateId, type: envelope.type, envelope };
}

/** A refusal raised by `ledger_redeem` (SQLSTATE LDG01) or a constraint, as the API's error. */
function refusal(error: unknown, householdId: string): unknown {
  const e = error as { code?: string; message?: string; detail?: string; driverError?: unknown };
  const d = (e.driverError ?? e) as { code?: string; message?: string; detail?: string };
  if (violates(error, 'household_balance_never_negative')) return LedgerException.insufficientPoints(0, 0);
  if (violates(error, 'stock_never_negative')) {
    return new StoreException(StoreErrorCode.OutOfStock, '库存不足 / Not enough in stock');
  }
  if (d.code !== 'LDG01') return error;
  const details = d.detail ? (JSON.parse(d.detail) as Record<string, unknown>) : {};
  switch (d.message) {
    case 'IDEMPOTENCY_KEY_REUSED':
      return keyReused();
    case 'HOUSEHOLD_NOT_FOUND':
      return LedgerException.householdNotFound(householdId);
    case 'REDEMPTION_BLOCKED':
      return blocked();
    case 'STORE_INACTIVE':
      return new RedemptionException(C.StoreInactive, '该爱心超市已停用 / The store is closed');
    case 'INSUFFICIENT_POINTS':
      return LedgerException.insufficientPoints(
        num(details.balance as number),
        num(details.needed as number),
      );
    case 'OUT_OF_STOCK':
      return outOfStock(
        String(details.goodsId),
        String(details.name),
        Number(details.available),
        Number(details.requested),
      );
    case 'PRICE_CHANGED':
      return new PriceChanged();
    default:
      return error;
  }
}

function keyReused(): LedgerException {
  return new LedgerException(
    LedgerErrorCode.IdempotencyKeyReused,
    'Idempotency-Key 已用于另一个请求 / This Idempotency-Key was already used for a different request',
  );
}

function blocked(): RedemptionException {
  return new RedemptionException(C.Blocked, '该户在黑名单期内，暂停兑换 / Blacklisted: redemption suspended');
}

function outOfStock(goodsId: string, name: string, available: number, requested: number): StoreException {
  return new StoreException(StoreErrorCode.OutOfStock, `“${name}”库存不足 / Not enough "${name}"`, {
    goodsId,
    available,
    requested,
  });
}
