import { stockLowV1, type GoodsView } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { EntityManager } from 'typeorm';
import type { StoreRow } from '../common/lookups';
import type { RequestContext } from '@fupin/service-kit';
import { num } from '../common/sql';
import { StoreErrorCode, StoreException } from './stores.exception';

export interface GoodsRow {
  id: string;
  name: string;
  unit: string;
  pricePoints: number;
  quantity: number;
  lowStockThreshold: number;
}

export function goodsView(r: Record<string, string>, storeId: string): GoodsView {
  const quantity = Number(r.quantity);
  const threshold = Number(r.low_stock_threshold);
  return {
    id: r.id,
    storeId,
    name: r.name,
    pictureUrl: r.picture_url,
    unit: r.unit,
    pricePoints: num(r.price_points),
    quantity,
    lowStockThreshold: threshold,
    lowStock: quantity <= threshold,
  };
}

/**
 * Reads the store's goods (404-like 422 for any not there), locking them in id order unless told
 * not to (every stock write that locks does so in that order, so none deadlock).
 */
export async function lockGoods(
  m: EntityManager,
  storeId: string,
  ids: string[],
  lock = true,
): Promise<Map<string, GoodsRow>> {
  const rows: Array<Record<string, string>> = await m.query(
    `SELECT id, name, unit, price_points, quantity, low_stock_threshold FROM goods
     WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY id ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [storeId, ids],
  );
  const found = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        unit: r.unit,
        pricePoints: num(r.price_points),
        quantity: Number(r.quantity),
        lowStockThreshold: Number(r.low_stock_threshold),
      },
    ]),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new StoreException(
      StoreErrorCode.GoodsNotFound,
      `本店没有商品 ${missing.join(', ')} / No such goods at this store`,
      {
        missing,
      },
    );
  }
  return found;
}

export interface StockChange {
  goodsId: string;
  delta: number;
  valueFen?: number;
}

/**
 * Moves stock of locked goods and appends the stock ledger; refuses (409) to take any below zero.
 * Goods that fall to their low-stock threshold announce `ledger.stock.low`.
 */
export async function moveStock(
  m: EntityManager,
  ctx: RequestContext,
  store: StoreRow,
  goods: Map<string, GoodsRow>,
  changes: StockChange[],
  movement: {
    kind: 'donation' | 'purchase' | 'adjustment' | 'redemption' | 'void';
    reason?: string;
    donationId?: string;
    redemptionId?: string;
  },
): Promise<void> {
  for (const c of changes) {
    const g = goods.get(c.goodsId)!;
    if (g.quantity + c.delta < 0) {
      throw new StoreException(
        StoreErrorCode.OutOfStock,
        `“${g.name}”库存不足：剩 ${g.quantity} ${g.unit} / Not enough "${g.name}" in stock: ${g.quantity} left`,
        { goodsId: g.id, available: g.quantity, requested: -c.delta },
      );
    }
  }
  await m.query(
    `UPDATE goods g SET quantity = g.quantity + d.delta FROM unnest($1::uuid[], $2::int[]) AS d(id, delta) WHERE g.id = d.id`,
    [changes.map((c) => c.goodsId), changes.map((c) => c.delta)],
  );
  await m.query(
    `INSERT INTO stock_movement (goods_id, store_id, kind, quantity_delta, reason, donation_id, redemption_id, value_fen, operator_id)
     SELECT g, $3, $4, d, $5, $6, $7, v, $8 FROM unnest($1::uuid[], $2::int[], $9::bigint[]) AS x(g, d, v)`,
    [
      changes.map((c) => c.goodsId),
      changes.map((c) => c.delta),
      store.id,
      movement.kind,
      movement.reason ?? null,
      movement.donationId ?? null,
      movement.redemptionId ?? null,
      ctx.actorId,
      changes.map((c) => (c.valueFen === undefined ? null : String(c.valueFen))),
    ],
  );
  for (const c of changes) {
    const g = goods.get(c.goodsId)!;
    const after = g.quantity + c.delta;
    if (c.delta < 0 && g.quantity > g.lowStockThreshold && after <= g.lowStockThreshold) {
      await publish(m, stockLowV1, {
        aggregateId: store.id,
        payload: {
          storeId: store.id,
          villageCode: store.villageCode,
          goodsId: g.id,
          name: g.name,
          quantity: after,
          threshold: g.lowStockThreshold,
        },
      });
    }
    g.quantity = after;
  }
}
