import { Injectable } from '@nestjs/common';
import { assertOwnOrganisation } from '@fupin/auth';
import type {
  AddStockBody,
  CreateProductBody,
  Paginated,
  ProductFacetsView,
  ProductListQuery,
  ProductView,
  TraceView,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { int, iso, maskName } from '../common/params';
import { audit, principalOfContext, type RequestContext } from '@fupin/service-kit';
import { CatalogueErrorCode, CatalogueException } from './catalogue.exception';

const PRODUCT_COLUMNS = `id, sku, name, spec, package_description, retail_price_fen, picture_url, category, origin_village_code, available`;

function toProduct(r: Record<string, unknown>): ProductView {
  return {
    id: r.id as string,
    sku: r.sku as string,
    name: r.name as string,
    spec: r.spec as string,
    packageDescription: r.package_description as string,
    retailPriceFen: int(r.retail_price_fen),
    pictureUrl: (r.picture_url as string | null) ?? null,
    category: r.category as string,
    originVillageCode: r.origin_village_code as string,
    available: int(r.available),
  };
}

/** 四统一 catalogue: products, stock packed from lots, and public trace data. */
@Injectable()
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  async create(ctx: RequestContext, body: CreateProductBody): Promise<ProductView> {
    return this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query('SELECT 1 FROM product WHERE sku = $1', [body.sku]);
      if (taken)
        throw new CatalogueException(
          CatalogueErrorCode.SkuTaken,
          `货号 ${body.sku} 已存在 / SKU ${body.sku} exists`,
        );
      const id = randomUUID();
      await manager.query(
        `INSERT INTO product (id, sku, name, spec, package_description, retail_price_fen, picture_url, category, origin_village_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          body.sku,
          body.name,
          body.spec,
          body.packageDescription,
          body.retailPriceFen,
          body.pictureUrl ?? null,
          body.category,
          body.originVillageCode,
        ],
      );
      await audit(manager, ctx, 'market.product.create', { type: 'product', id }, { sku: body.sku });
      return this.product(manager, id);
    });
  }

  /** Boxes packed from a lot that has arrived at the caller's county supermarket. */
  async addStock(ctx: RequestContext, productId: string, body: AddStockBody): Promise<ProductView> {
    const principal = principalOfContext(ctx);
    return this.dataSource.transaction(async (manager) => {
      await this.product(manager, productId);
      const [lot] = await manager.query(
        `SELECT l.id, l.status, l.location_id, o.type FROM lot l LEFT JOIN network_organisation o ON o.id = l.location_id
         WHERE l.id = $1 FOR UPDATE OF l`,
        [body.lotId],
      );
      if (!lot || lot.type !== 'county_supermarket' || !['at_location', 'stocked'].includes(lot.status)) {
        throw new CatalogueException(
          CatalogueErrorCode.LotNotAtSupermarket,
          '批次须已到达县扶贫超市 / The lot must have arrived at the county supermarket',
        );
      }
      assertOwnOrganisation(principal, lot.location_id, ['county_supermarket']);
      const inserted = await manager.query(
        `INSERT INTO stock (id, product_id, lot_id, quantity, packed_quantity) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (product_id, lot_id) DO NOTHING RETURNING id`,
        [randomUUID(), productId, lot.id, body.quantity],
      );
      if (inserted.length === 0) {
        throw new CatalogueException(
          CatalogueErrorCode.LotAlreadyStocked,
          '该批次已入库 / This lot is already stocked',
        );
      }
      await manager.query(`UPDATE lot SET status = 'stocked' WHERE id = $1`, [lot.id]);
      await manager.query('UPDATE product SET available = available + $2 WHERE id = $1', [
        productId,
        body.quantity,
      ]);
      await audit(
        manager,
        ctx,
        'market.stock.add',
        { type: 'product', id: productId },
        { lotId: lot.id, quantity: body.quantity },
      );
      return this.product(manager, productId);
    });
  }

  async list(query: ProductListQuery): Promise<Paginated<ProductView>> {
    const where = `($1::text IS NULL OR name ILIKE '%' || $1 || '%' OR sku = $1) AND ($2::text IS NULL OR category = $2)
      AND ($3::text IS NULL OR origin_village_code = $3) AND (NOT $4::boolean OR available > 0)`;
    const params = [
      query.q ?? null,
      query.category ?? null,
      query.originVillageCode ?? null,
      query.inStock ?? false,
    ];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PRODUCT_COLUMNS} FROM product WHERE ${where} ORDER BY category, name, id LIMIT $5 OFFSET $6`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM product WHERE ${where}`, params),
    ]);
    return { items: rows.map(toProduct), total, page: query.page, pageSize: query.pageSize };
  }

  async facets(): Promise<ProductFacetsView> {
    const [categories, villages] = await Promise.all([
      this.dataSource.query(
        `SELECT category, count(*)::int AS products, count(*) FILTER (WHERE available > 0)::int AS available
         FROM product GROUP BY category ORDER BY category`,
      ),
      this.dataSource.query(
        `SELECT origin_village_code, count(*)::int AS products, count(*) FILTER (WHERE available > 0)::int AS available
         FROM product GROUP BY origin_village_code ORDER BY origin_village_code`,
      ),
    ]);
    return {
      categories: categories.map((r: Record<string, unknown>) => ({
        category: r.category as string,
        products: r.products as number,
        available: r.available as number,
      })),
      villages: villages.map((r: Record<string, unknown>) => ({
        villageCode: r.origin_village_code as string,
        products: r.products as number,
        available: r.available as number,
      })),
    };
  }

  async get(id: string): Promise<ProductView> {
    return this.product(this.dataSource.manager, id);
  }

  private async product(manager: EntityManager, id: string): Promise<ProductView> {
    const [row] = await manager.query(`SELECT ${PRODUCT_COLUMNS} FROM product WHERE id = $1`, [id]);
    if (!row)
      throw new CatalogueException(
        CatalogueErrorCode.ProductNotFound,
        `商品 ${id} 不存在 / Product ${id} does not exist`,
      );
    return toProduct(row);
  }

  /**
   * Public trace data (溯源) for a product SKU (the lots on sale) or one lot's trace code: the
   * villages and households behind it, names masked, and the price paid to them.
   */
  async trace(code: string): Promise<TraceView> {
    const [product] = await this.dataSource.query(
      'SELECT id, sku, name, retail_price_fen, origin_village_code FROM product WHERE sku = $1',
      [code],
    );
    const lots: Array<Record<string, unknown>> = await this.dataSource.query(
      product
        ? `SELECT l.id, l.trace_code, l.produce, l.grade, l.created_at FROM stock s JOIN lot l ON l.id = s.lot_id
           WHERE s.product_id = $1 AND s.quantity > 0 ORDER BY s.created_at`
        : 'SELECT id, trace_code, produce, grade, created_at FROM lot WHERE trace_code = $1',
      [product ? product.id : code],
    );
    if (!product && lots.length === 0) {
      throw new CatalogueException(
        CatalogueErrorCode.TraceNotFound,
        `未找到溯源码 ${code} / No such trace code ${code}`,
      );
    }
    const households: Array<Record<string, unknown>> = lots.length
      ? await this.dataSource.query(
          `SELECT lh.lot_id, h.village_code, h.head_name, lh.weight_grams, lh.paid_fen_per_kg
           FROM lot_household lh JOIN network_household h ON h.id = lh.household_id WHERE lh.lot_id = ANY($1::uuid[])
           ORDER BY h.village_code, h.household_number`,
          [lots.map((l) => l.id)],
        )
      : [];
    return {
      product: product
        ? {
            sku: product.sku,
            name: product.name,
            retailPriceFen: int(product.retail_price_fen),
            originVillageCode: product.origin_village_code,
          }
        : null,
      lots: lots.map((l) => ({
        traceCode: l.trace_code as string,
        produce: l.produce as string,
        grade: l.grade as string,
        collectedAt: iso(l.created_at) as string,
        households: households
          .filter((h) => h.lot_id === l.id)
          .map((h) => ({
            villageCode: h.village_code as string,
            headName: maskName(h.head_name as string),
            weightGrams: int(h.weight_grams),
            paidFenPerKg: int(h.paid_fen_per_kg),
          })),
      })),
    };
  }
}
