import { Injectable } from '@nestjs/common';
import { canAccessRegion, scopeRegionCode, type Principal } from '@fupin/auth';
import {
  createGoodsBodySchema,
  donationReceivedV1,
  type CreateGoodsBody,
  type DonationReceipt,
  type GoodsView,
  type RecordAdjustmentBody,
  type RecordDonationBody,
  type RecordPurchaseBody,
  type StockMovementView,
  type StoreView,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { fenToChineseWords } from '@fupin/money';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSeeStore, assertKeeperOf, findStore, type StoreRow } from '../common/lookups';
import { audit, type RequestContext } from '@fupin/service-kit';
import { chinaDay, iso, violates } from '../common/sql';
import { goodsView, lockGoods, moveStock } from './stock';
import { StoreErrorCode, StoreException } from './stores.exception';

/** A receipt number: prefix, the China day and a sequence, e.g. D20261123-000042. */
export async function nextReceiptNumber(m: EntityManager, prefix: string): Promise<string> {
  const [{ n }] = await m.query(`SELECT nextval('receipt_number_seq') AS n`);
  return formatReceiptNumber(prefix, n);
}

/** `R20261202-000042`: prefix, China day, a number of `receipt_number_seq`. */
export function formatReceiptNumber(prefix: string, n: string | number): string {
  return `${prefix}${chinaDay(new Date()).replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
}

/** Love-supermarket goods and their stock ledger: donations, purchases, adjustments. */
@Injectable()
export class StoresService {
  constructor(private readonly dataSource: DataSource) {}

  async listStores(principal: Principal): Promise<StoreView[]> {
    const scope = principal.scope;
    const rows =
      scope.kind === 'organisation'
        ? await this.dataSource.query(`SELECT * FROM store_view WHERE id = $1`, [scope.id])
        : scope.kind === 'household'
          ? await this.dataSource.query(`SELECT * FROM store_view WHERE id = $1`, [scope.storeId])
          : await this.dataSource.query(
              `SELECT * FROM store_view WHERE village_code LIKE $1 || '%' ORDER BY village_code`,
              [scopeRegionCode(principal)],
            );
    return rows
      .filter(
        (r: Record<string, string>) => scope.kind !== 'region' || canAccessRegion(principal, r.village_code),
      )
      .map((r: Record<string, string & boolean>) => ({
        id: r.id,
        name: r.name,
        villageCode: r.village_code,
        active: r.active,
      }));
  }

  async listGoods(principal: Principal, storeId: string): Promise<GoodsView[]> {
    const store = await findStore(this.dataSource.manager, storeId);
    assertCanSeeStore(principal, store);
    const rows = await this.dataSource.query(`SELECT * FROM goods WHERE store_id = $1 ORDER BY name`, [
      storeId,
    ]);
    return rows.map((r: Record<string, string>) => goodsView(r, storeId));
  }

  async createGoods(ctx: RequestContext, storeId: string, input: CreateGoodsBody): Promise<GoodsView> {
    const body = createGoodsBodySchema.parse(input);
    return this.dataSource.transaction(async (m) => {
      const store = await this.ownStore(m, ctx, storeId);
      const id = randomUUID();
      try {
        const [row] = await m.query(
          `INSERT INTO goods (id, store_id, name, picture_url, unit, price_points, low_stock_threshold)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [id, store.id, body.name, body.pictureUrl, body.unit, body.pricePoints, body.lowStockThreshold],
        );
        await audit(m, ctx, 'goods.created', { type: 'goods', id }, { storeId, ...body });
        return goodsView(row, storeId);
      } catch (error) {
        if (violates(error, 'goods_store_id_name_key')) {
          throw new StoreException(
            StoreErrorCode.GoodsNameTaken,
            `本店已有“${body.name}” / "${body.name}" exists`,
          );
        }
        throw error;
      }
    });
  }

  async donate(
    ctx: RequestContext,
    m: EntityManager,
    storeId: string,
    body: RecordDonationBody,
  ): Promise<DonationReceipt> {
    const store = await this.ownStore(m, ctx, storeId);
    const goods = await lockGoods(
      m,
      storeId,
      body.lines.map((l) => l.goodsId),
    );
    const id = randomUUID();
    const receiptNumber = await nextReceiptNumber(m, 'D');
    const declared = body.lines.reduce((s, l) => s + l.declaredValueFen, 0);
    const lines = body.lines.map((l) => {
      const g = goods.get(l.goodsId)!;
      return {
        goodsId: g.id,
        name: g.name,
        unit: g.unit,
        quantity: l.quantity,
        declaredValueFen: l.declaredValueFen,
      };
    });
    const [row] = await m.query(
      `INSERT INTO donation (id, receipt_number, store_id, donor_name, donor_contact, declared_value_fen, lines, operator_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING received_at`,
      [
        id,
        receiptNumber,
        storeId,
        body.donorName,
        body.donorContact ?? null,
        declared,
        JSON.stringify(lines),
        ctx.actorId,
      ],
    );
    await moveStock(
      m,
      ctx,
      store,
      goods,
      body.lines.map((l) => ({ goodsId: l.goodsId, delta: l.quantity, valueFen: l.declaredValueFen })),
      { kind: 'donation', reason: `捐赠 ${body.donorName}`, donationId: id },
    );
    await publish(m, donationReceivedV1, {
      aggregateId: storeId,
      payload: {
        donationId: id,
        receiptNumber,
        storeId,
        villageCode: store.villageCode,
        donorName: body.donorName,
        declaredValueFen: declared,
        lines: lines.map((l) => ({ goodsId: l.goodsId, name: l.name, quantity: l.quantity })),
      },
    });
    await audit(m, ctx, 'donation.received', { type: 'donation', id }, { storeId, receiptNumber, declared });
    return {
      donationId: id,
      receiptNumber,
      storeId,
      storeName: store.name,
      donorName: body.donorName,
      donorContact: body.donorContact ?? null,
      receivedAt: iso(row.received_at)!,
      lines,
      declaredValueFen: declared,
      declaredValueText: fenToChineseWords(declared),
    };
  }

  async purchase(
    ctx: RequestContext,
    m: EntityManager,
    storeId: string,
    body: RecordPurchaseBody,
  ): Promise<GoodsView[]> {
    const store = await this.ownStore(m, ctx, storeId);
    const goods = await lockGoods(
      m,
      storeId,
      body.lines.map((l) => l.goodsId),
    );
    await moveStock(
      m,
      ctx,
      store,
      goods,
      body.lines.map((l) => ({ goodsId: l.goodsId, delta: l.quantity, valueFen: l.costFen })),
      { kind: 'purchase', reason: `采购 ${body.supplier}` },
    );
    await audit(m, ctx, 'stock.purchased', { type: 'store', id: storeId }, { ...body });
    return this.goodsIn(m, storeId, [...goods.keys()]);
  }

  async adjust(
    ctx: RequestContext,
    m: EntityManager,
    storeId: string,
    body: RecordAdjustmentBody,
  ): Promise<GoodsView> {
    const store = await this.ownStore(m, ctx, storeId);
    const goods = await lockGoods(m, storeId, [body.goodsId]);
    await moveStock(m, ctx, store, goods, [{ goodsId: body.goodsId, delta: body.quantityDelta }], {
      kind: 'adjustment',
      reason: body.reason,
    });
    await audit(m, ctx, 'stock.adjusted', { type: 'goods', id: body.goodsId }, { ...body });
    return (await this.goodsIn(m, storeId, [body.goodsId]))[0];
  }

  async movements(principal: Principal, storeId: string): Promise<StockMovementView[]> {
    const store = await findStore(this.dataSource.manager, storeId);
    assertCanSeeStore(principal, store);
    const rows = await this.dataSource.query(
      `SELECT * FROM stock_movement WHERE store_id = $1 ORDER BY id DESC LIMIT 500`,
      [storeId],
    );
    return rows.map((r: Record<string, string>) => ({
      id: String(r.id),
      goodsId: r.goods_id,
      kind: r.kind as StockMovementView['kind'],
      quantityDelta: Number(r.quantity_delta),
      reason: r.reason,
      operatorId: r.operator_id,
      occurredAt: iso(r.occurred_at)!,
    }));
  }

  private async goodsIn(m: EntityManager, storeId: string, ids: string[]): Promise<GoodsView[]> {
    const rows = await m.query(`SELECT * FROM goods WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
    return rows.map((r: Record<string, string>) => goodsView(r, storeId));
  }

  private async ownStore(m: EntityManager, ctx: RequestContext, storeId: string): Promise<StoreRow> {
    const store = await findStore(m, storeId);
    if (ctx.principal) assertKeeperOf(ctx.principal, store);
    return store;
  }
}
