import { Injectable } from '@nestjs/common';
import {
  pageOffset,
  type BuyerImpactView,
  type FulfilmentOrdersQuery,
  type OrderView,
  type PackingListQuery,
  type PackingListView,
  type Paginated,
  type PickingListQuery,
  type PickingListView,
} from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { int } from '../common/params';
import { OrdersService } from '../orders/orders.service';

/** Orders a buyer has paid for and not cancelled: what reached the households. */
const COUNTED_STATUSES = ['paid', 'picking', 'ready', 'accepted'];

/** What the county supermarket's staff work from: orders to fulfil, picking and packing lists. */
@Injectable()
export class FulfilmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
  ) {}

  async orderPage(query: FulfilmentOrdersQuery): Promise<Paginated<OrderView>> {
    const params = [query.status ?? null, query.workUnitId ?? null];
    const where = '($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR work_unit_id = $2)';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM market_order WHERE ${where}`,
      params,
    );
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM market_order WHERE ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [...params, query.pageSize, pageOffset(query)],
    );
    const items = await Promise.all(rows.map((r) => this.orders.view(r.id)));
    return { items, total: int(total), page: query.page, pageSize: query.pageSize };
  }

  async pickingList(query: PickingListQuery): Promise<PickingListView> {
    const statuses = query.status === 'all' ? ['paid', 'picking'] : [query.status];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT p.id AS product_id, p.sku, p.name, p.category, l.trace_code, sum(oll.quantity)::int AS quantity
       FROM market_order o
       JOIN order_line ol ON ol.order_id = o.id
       JOIN order_line_lot oll ON oll.order_line_id = ol.id
       JOIN lot l ON l.id = oll.lot_id
       JOIN product p ON p.id = ol.product_id
       WHERE o.status = ANY($1::text[])
       GROUP BY p.id, p.sku, p.name, p.category, l.trace_code, l.created_at
       ORDER BY p.category, p.name, p.id, l.created_at, l.trace_code`,
      [statuses],
    );
    const [{ orders }] = await this.dataSource.query(
      'SELECT count(*)::int AS orders FROM market_order WHERE status = ANY($1::text[])',
      [statuses],
    );
    const products: PickingListView['products'] = [];
    for (const row of rows) {
      let product = products.at(-1);
      if (!product || product.productId !== row.product_id) {
        product = {
          productId: row.product_id as string,
          sku: row.sku as string,
          productName: row.name as string,
          category: row.category as string,
          quantity: 0,
          lots: [],
        };
        products.push(product);
      }
      product.quantity += int(row.quantity);
      product.lots.push({ traceCode: row.trace_code as string, quantity: int(row.quantity) });
    }
    return {
      generatedAt: new Date().toISOString(),
      orderCount: int(orders),
      totalBoxes: products.reduce((sum, p) => sum + p.quantity, 0),
      products,
    };
  }

  async packingLists(query: PackingListQuery): Promise<PackingListView> {
    const statuses = query.status === 'all' ? ['picking', 'ready'] : [query.status];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT o.id, o.order_number, o.buyer_id, o.status, o.fulfilment, o.work_unit_id, w.name AS work_unit_name,
              json_agg(json_build_object('productName', ol.product_name, 'quantity', ol.quantity)
                       ORDER BY ol.product_name, ol.id) AS lines,
              sum(ol.quantity)::int AS boxes
       FROM market_order o
       JOIN order_line ol ON ol.order_id = o.id
       LEFT JOIN network_organisation w ON w.id = o.work_unit_id
       WHERE o.status = ANY($1::text[])
       GROUP BY o.id, w.name
       ORDER BY w.name NULLS LAST, o.work_unit_id, o.order_number`,
      [statuses],
    );
    const workUnits: PackingListView['workUnits'] = [];
    for (const row of rows) {
      let unit = workUnits.at(-1);
      if (!unit || unit.workUnitId !== row.work_unit_id) {
        unit = {
          workUnitId: row.work_unit_id as string,
          workUnitName: (row.work_unit_name as string | null) ?? null,
          totalBoxes: 0,
          orders: [],
        };
        workUnits.push(unit);
      }
      unit.totalBoxes += int(row.boxes);
      unit.orders.push({
        orderId: row.id as string,
        orderNumber: row.order_number as string,
        buyerId: row.buyer_id as string,
        status: row.status as PackingListView['workUnits'][number]['orders'][number]['status'],
        fulfilment: row.fulfilment as 'delivery' | 'pickup',
        lines: row.lines as Array<{ productName: string; quantity: number }>,
      });
    }
    return { generatedAt: new Date().toISOString(), workUnits };
  }

  /**
   * The households behind the boxes a buyer bought: each order line's lots, and the households
   * that lot came from (a merged or split lot keeps every source household). The amount per village
   * shares each line's amount by the boxes taken from each lot, then by the weight each household
   * put into that lot (estimates for a thank-you figure, not a settlement).
   */
  async impact(buyerId: string): Promise<BuyerImpactView> {
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS orders, COALESCE(sum(total_fen - refunded_fen), 0)::bigint AS spent
       FROM market_order WHERE buyer_id = $1 AND status = ANY($2::text[])`,
      [buyerId, COUNTED_STATUSES],
    );
    const villages: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH line_lot AS (
         SELECT row_number() OVER () AS k, oll.lot_id, ol.amount_fen::numeric * oll.quantity / ol.quantity AS amount
         FROM market_order o
         JOIN order_line ol ON ol.order_id = o.id
         JOIN order_line_lot oll ON oll.order_line_id = ol.id
         WHERE o.buyer_id = $1 AND o.status = ANY($2::text[])
       ), share AS (
         SELECT lh.household_id, h.village_code,
                ll.amount * lh.weight_grams / sum(lh.weight_grams) OVER (PARTITION BY ll.k) AS amount
         FROM line_lot ll
         JOIN lot_household lh ON lh.lot_id = ll.lot_id
         JOIN network_household h ON h.id = lh.household_id
       )
       SELECT village_code, count(DISTINCT household_id)::int AS households, round(sum(amount))::bigint AS amount
       FROM share GROUP BY village_code ORDER BY amount DESC, village_code`,
      [buyerId, COUNTED_STATUSES],
    );
    // A household lives in one village: the villages' counts add up to the households reached.
    return {
      households: villages.reduce((sum, v) => sum + int(v.households), 0),
      villages: villages.length,
      orders: int(totals.orders),
      spentFen: int(totals.spent),
      byVillage: villages.map((v) => ({
        villageCode: v.village_code as string,
        households: int(v.households),
        amountFen: int(v.amount),
      })),
    };
  }
}
